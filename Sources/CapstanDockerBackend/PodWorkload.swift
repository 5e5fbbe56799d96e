import CapstanModel

/// The workload a pod belongs to, read from its controller reference and labels: a ReplicaSet pod with a
/// `pod-template-hash` belongs to the Deployment whose name is the ReplicaSet's without `-HASH`.
struct PodWorkload: Equatable {
    var kind: String
    var name: String
    var templateHash: String?

    static func of(_ pod: Resource) -> PodWorkload {
        let labels = pod.value[path: ["metadata", "labels"]]?.objectValue ?? [:]
        let owner = (pod.value[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).first {
            $0["controller"]?.boolValue == true
        }
        guard let owner, let kind = owner["kind"]?.stringValue, let name = owner["name"]?.stringValue else {
            return PodWorkload(kind: "Pod", name: pod.name, templateHash: nil)
        }
        if kind == "ReplicaSet", let hash = labels["pod-template-hash"]?.stringValue, name.hasSuffix("-\(hash)") {
            return PodWorkload(kind: "Deployment", name: String(name.dropLast(hash.count + 1)), templateHash: hash)
        }
        let hash = labels["pod-template-hash"]?.stringValue ?? labels["controller-revision-hash"]?.stringValue
        return PodWorkload(kind: kind, name: name, templateHash: hash)
    }
}
