import CapstanModel
import Foundation

/// Keeps the desired number of pods for each ReplicaSet (self-healing) and reports its status.
struct ReplicaSetController: Controller {
    let id = ControllerID.replicaSet

    func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        switch (change.key.group, change.key.kind) {
        case ("apps", "ReplicaSet"): return [change.key]
        case ("", "Pod"):
            return change.object.ownerReferences.filter { $0.controller && $0.kind == "ReplicaSet" }.map {
                ResourceKey(group: "apps", kind: "ReplicaSet", namespace: change.key.namespace, name: $0.name)
            }
        default: return []
        }
    }

    func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard let replicaSet = plane.store[key] else { return }
        let desired = max(replicaSet.specReplicas, 0)
        var pods = activePods(of: replicaSet, plane)
        if pods.count < desired {
            for _ in pods.count..<desired {
                let pod = makePod(for: replicaSet, &plane)
                plane.createObject(pod)
                plane.recordEvent(replicaSet, reason: "SuccessfulCreate", message: "Created pod: \(pod.name)")
                if let created = plane.store[pod.key] { pods.append(created) }
            }
        } else if pods.count > desired {
            let doomed = pods.sorted(by: Self.deletionOrder).prefix(pods.count - desired)
            for pod in doomed {
                plane.store.delete(pod.key)
                plane.recordEvent(replicaSet, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
            }
            let removed = Set(doomed.map(\.key))
            pods.removeAll { removed.contains($0.key) }
        }
        updateStatus(replicaSet, pods: pods, &plane)
    }

    /// Pods this ReplicaSet controls that still count as replicas.
    private func activePods(of replicaSet: Resource, _ plane: ControlPlane) -> [Resource] {
        plane.store.unorderedDependents(ofUID: replicaSet.uid).filter {
            $0.kind == "Pod" && !$0.isPodTerminated && $0.controllerReference?.uid == replicaSet.uid
        }
    }

    private func makePod(for replicaSet: Resource, _ plane: inout ControlPlane) -> Resource {
        let template = replicaSet.spec?["template"] ?? [:]
        let name = plane.generateName(prefix: replicaSet.name, group: "", kind: "Pod", namespace: replicaSet.namespace)
        var pod = Resource(apiVersion: "v1", kind: "Pod", namespace: replicaSet.namespace, name: name)
        if let labels = template[path: ["metadata", "labels"]] { pod.value[path: ["metadata", "labels"]] = labels }
        if let annotations = template[path: ["metadata", "annotations"]] {
            pod.value[path: ["metadata", "annotations"]] = annotations
        }
        pod.ownerReferences = [OwnerReference(controlledBy: replicaSet)]
        pod.spec = template["spec"] ?? [:]
        pod.status = ["phase": "Pending"]
        return pod
    }

    /// Which pods go first when scaling down (client-go's ActivePods order): unscheduled, then pending,
    /// then not ready, then ready for the shortest time, then the newest.
    static func deletionOrder(_ a: Resource, _ b: Resource) -> Bool {
        if a.nodeName.isEmpty != b.nodeName.isEmpty { return a.nodeName.isEmpty }
        let phaseRank = ["Pending": 0, "Unknown": 1, "Running": 2]
        let pa = phaseRank[a.podPhase] ?? 0
        let pb = phaseRank[b.podPhase] ?? 0
        if pa != pb { return pa < pb }
        if a.isPodReady != b.isPodReady { return !a.isPodReady }
        if let ra = a.podReadySince, let rb = b.podReadySince, ra != rb { return ra > rb }
        let ca = a.creationTimestamp ?? .distantPast
        let cb = b.creationTimestamp ?? .distantPast
        if ca != cb { return ca > cb }
        return a.name > b.name
    }

    private func updateStatus(_ replicaSet: Resource, pods: [Resource], _ plane: inout ControlPlane) {
        let minReady = replicaSet.spec?["minReadySeconds"]?.intValue ?? 0
        let ready = pods.filter(\.isPodReady)
        let available = ready.filter { $0.isPodAvailable(minReadySeconds: minReady, in: plane) }
        if available.count < ready.count {
            // Look again when the next ready pod has been ready for minReadySeconds.
            let next = ready.compactMap(\.podReadySince).filter {
                !plane.hasReached($0.addingTimeInterval(TimeInterval(minReady)))
            }.min()
            if let next {
                plane.requeue(.replicaSet, replicaSet.key, at: next.addingTimeInterval(TimeInterval(minReady)))
            }
        }
        var updated = replicaSet
        updated.status = [
            "replicas": .int(pods.count),
            "fullyLabeledReplicas": .int(pods.count),
            "readyReplicas": .int(ready.count),
            "availableReplicas": .int(available.count),
            "observedGeneration": .int(replicaSet.generation),
        ]
        plane.store.update(updated)
    }
}
