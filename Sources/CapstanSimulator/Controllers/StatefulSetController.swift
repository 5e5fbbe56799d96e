import CapstanModel

/// Runs StatefulSets: pods `NAME-0…NAME-(N-1)` with stable names, labels, hostnames and claims, created in
/// order (or in parallel), scaled down from the highest ordinal, updated by rolling update or on delete,
/// with the template history kept as ControllerRevisions.
struct StatefulSetController: Controller {
    let id = ControllerID.statefulSet
    /// The template hash (the revision name's suffix) per set uid and generation: the template only changes
    /// with the generation.
    private var templateHashes: [String: (generation: Int, hash: String)] = [:]

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        switch (change.key.group, change.key.kind) {
        case ("apps", "StatefulSet"):
            if change.kind == .deleted { templateHashes[change.object.uid] = nil }
            return [change.key]
        case ("", "Pod"):
            return change.object.ownerReferences.filter { $0.controller && $0.kind == "StatefulSet" }.map {
                ResourceKey(group: "apps", kind: "StatefulSet", namespace: change.key.namespace, name: $0.name)
            }
        default:
            return []
        }
    }

    /// 1. revisions → 2. the wanted ordinals → 3. the condemned ones → 4. rolling update → 5. status.
    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard let set = plane.store[key], !set.isTerminating else { return }
        var sync = StatefulSetSync(set: set, templateHash: templateHash(set), &plane)
        if sync.processReplicas(&plane) || sync.processCondemned(&plane) {
            sync.updateStatus(&plane)
            return
        }
        sync.rollOut(&plane)
        sync.updateStatus(&plane)
    }

    private mutating func templateHash(_ set: Resource) -> String {
        if let cached = templateHashes[set.uid], cached.generation == set.generation { return cached.hash }
        let hash = PodTemplateHash.compute(set.spec?["template"] ?? [:])
        templateHashes[set.uid] = (set.generation, hash)
        return hash
    }
}
