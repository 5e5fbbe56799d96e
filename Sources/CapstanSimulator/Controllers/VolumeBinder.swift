import CapstanModel

/// The PersistentVolume controller: binds claims to volumes (or provisions one through the claim's
/// StorageClass), gives class-less claims the default class, and releases or deletes volumes whose claim is
/// gone according to their reclaim policy.
struct VolumeBinder: Controller {
    let id = ControllerID.volumeBinder
    /// Claims not bound yet: a new volume, class or consumer may let them bind.
    private var pendingClaims: Set<ResourceKey> = []
    /// Binding fields a manifest applied again dropped (the simulated apply replaces the spec, where
    /// Kubernetes' apply keeps fields the manifest never set): a claim's volume name, a volume's claimRef.
    var droppedBindings: [ResourceKey: Value] = [:]

    static let bindCompletedAnnotation = "pv.kubernetes.io/bind-completed"
    static let boundByControllerAnnotation = "pv.kubernetes.io/bound-by-controller"
    static let provisionerAnnotation = "volume.kubernetes.io/storage-provisioner"
    static let betaProvisionerAnnotation = "volume.beta.kubernetes.io/storage-provisioner"

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        let object = change.object
        switch (change.key.group, change.key.kind) {
        case ("", "PersistentVolumeClaim"):
            if change.kind == .deleted {
                pendingClaims.remove(change.key)
                return volumes(claimedBy: object, in: plane.store)
            }
            if let name = change.previous?.boundVolumeName, object.boundVolumeName == nil {
                droppedBindings[change.key] = .string(name)
            }
            if ["Bound", "Lost"].contains(object.storagePhase) {
                pendingClaims.remove(change.key)
            } else {
                pendingClaims.insert(change.key)
            }
            return [change.key]
        case ("", "PersistentVolume"):
            if let ref = change.previous?.spec?["claimRef"], object.spec?["claimRef"] == nil, change.kind == .modified {
                droppedBindings[change.key] = ref
            }
            var keys = [change.key]
            if let claim = object.claimReferenceKey { keys.append(claim) }
            if change.kind != .deleted, object.claimReference == nil { keys += pendingClaims.sorted() }
            return keys
        case ("storage.k8s.io", "StorageClass"):
            return pendingClaims.sorted()
        case ("", "Pod"):
            guard change.kind == .added else { return [] }
            return PodVolumeClaims.names(object).map { Resource.claimKey(namespace: change.key.namespace, name: $0) }
                .filter(pendingClaims.contains)
        default:
            return []
        }
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        defer { droppedBindings[key] = nil }
        switch key.kind {
        case "PersistentVolumeClaim": reconcileClaim(key, in: &plane)
        case "PersistentVolume": reconcileVolume(key, in: &plane)
        default: break
        }
    }

    /// Volumes whose claimRef names `claim` (by uid, or by name for a volume pre-bound by name).
    private func volumes(claimedBy claim: Resource, in store: ObjectStore) -> [ResourceKey] {
        store.list(group: "", kind: "PersistentVolume").filter { volume in
            guard let ref = volume.claimReference else { return false }
            return ref.uid == claim.uid
                || (ref.uid.isEmpty && ref.namespace == claim.namespace && ref.name == claim.name)
        }.map(\.key)
    }
}
