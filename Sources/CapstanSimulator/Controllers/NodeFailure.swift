import CapstanModel
import Foundation

/// A simulated node failure: the node annotation `simulation.capstan.io/failed-at` holds the time its kubelet
/// stopped (`capstan sim node fail`). While it is set the node's kubelet does nothing, and the node lifecycle
/// controller reports the node unreachable, taints it and evicts its pods.
enum NodeFailure {
    static let annotation = "simulation.capstan.io/failed-at"

    /// When the node failed, nil when it is up.
    static func failedAt(_ node: Resource) -> Date? {
        node.annotations[annotation].flatMap(SimulatedTime.parse)
    }

    static func nodeKey(_ name: String) -> ResourceKey {
        ResourceKey(group: "", kind: "Node", namespace: "", name: name)
    }

    /// True when the pod's node has failed (or no longer exists): no kubelet looks after the pod.
    static func isKubeletDown(for pod: Resource, in store: ObjectStore) -> Bool {
        guard let node = store[nodeKey(pod.nodeName)] else { return true }
        return failedAt(node) != nil
    }
}
