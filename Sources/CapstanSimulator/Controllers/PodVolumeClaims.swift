import CapstanModel

/// The PersistentVolumeClaims a pod mounts, and whether they let it be scheduled yet.
enum PodVolumeClaims {
    /// Claim names from `spec.volumes[].persistentVolumeClaim.claimName`.
    static func names(_ pod: Resource) -> [String] {
        (pod.value[path: ["spec", "volumes"]]?.arrayValue ?? []).compactMap {
            $0[path: ["persistentVolumeClaim", "claimName"]]?.stringValue
        }
    }

    /// Why the pod cannot be scheduled on any node because of its claims, or nil when they are all Bound
    /// (kube-scheduler's VolumeBinding pre-filter).
    static func blockingReason(_ pod: Resource, in store: ObjectStore) -> String? {
        for name in names(pod) {
            let key = ResourceKey(group: "", kind: "PersistentVolumeClaim", namespace: pod.namespace, name: name)
            guard let claim = store[key] else { return "persistentvolumeclaim \"\(name)\" not found" }
            guard claim.value[path: ["status", "phase"]]?.stringValue == "Bound" else {
                return "pod has unbound immediate PersistentVolumeClaims"
            }
        }
        return nil
    }
}
