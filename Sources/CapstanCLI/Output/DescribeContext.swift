import CapstanModel
import Foundation

/// What `capstan describe` shows about one object: the object, its Events, the cluster's time, and the
/// related objects some kinds list (a Deployment's ReplicaSets, a Node's pods, a Service's Endpoints).
struct DescribeContext {
    var object: Resource
    var events: [Resource]
    /// The cluster's clock (simulated time for the simulated cluster), for ages.
    var now: Date
    /// Pods related to the object: on the node, owned by the ReplicaSet or StatefulSet, using the claim.
    var pods: [Resource] = []
    /// A Deployment's ReplicaSets.
    var replicaSets: [Resource] = []
    /// A Service's Endpoints object.
    var endpoints: Resource?
    /// For a pod: the Services of its namespace and `default/kubernetes`, for its service-link variables.
    var services: [Resource] = []

    /// The objects in `candidates` whose controller owner reference points at the described object.
    func owned(_ candidates: [Resource]) -> [Resource] {
        let uid = object.value[path: ["metadata", "uid"]]?.stringValue
        return candidates.filter { candidate in
            (candidate.value[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains { reference in
                reference["kind"]?.stringValue == object.kind && reference["name"]?.stringValue == object.name
                    && (uid == nil || reference["uid"]?.stringValue == nil || reference["uid"]?.stringValue == uid)
            }
        }
    }
}
