import CapstanModel
import Foundation

/// Server-managed metadata of simulated objects.
extension Resource {
    var uid: String {
        get { value[path: ["metadata", "uid"]]?.stringValue ?? "" }
        set { value[path: ["metadata", "uid"]] = .string(newValue) }
    }

    var generation: Int {
        get { value[path: ["metadata", "generation"]]?.intValue ?? 0 }
        set { value[path: ["metadata", "generation"]] = .int(newValue) }
    }

    var creationTimestamp: Date? {
        get { value[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(SimulatedTime.parse) }
        set { value[path: ["metadata", "creationTimestamp"]] = newValue.map { .string(SimulatedTime.format($0)) } }
    }

    var ownerReferences: [OwnerReference] {
        get { (value[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap(OwnerReference.init) }
        set {
            value[path: ["metadata", "ownerReferences"]] = newValue.isEmpty ? nil : .array(newValue.map(\.value))
        }
    }

    /// The owner that manages this object (`controller: true`).
    var controllerReference: OwnerReference? { ownerReferences.first { $0.controller } }

    /// Keys of the owners, in this object's namespace.
    var ownerKeys: [ResourceKey] {
        ownerReferences.map { ResourceKey(group: $0.group, kind: $0.kind, namespace: namespace, name: $0.name) }
    }
}
