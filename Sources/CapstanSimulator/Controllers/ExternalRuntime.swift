import CapstanModel

/// Nodes whose pods are run by a kubelet outside the simulation — the Docker backend's node agents — marked
/// with the label `capstan.io/runtime` (e.g. `docker`). The simulated kubelet leaves their pods alone; their
/// agent reports pod status through `SimulatedCluster.reportPodStatus`.
enum ExternalRuntime {
    static let label = "capstan.io/runtime"

    /// The runtime of `node` when it is not the simulation's own, else nil.
    static func of(_ node: Resource) -> String? {
        guard let runtime = node.labels[label], runtime != "simulated" else { return nil }
        return runtime
    }

    /// True when the pod's node is run by an external kubelet.
    static func runs(_ pod: Resource, in store: ObjectStore) -> Bool {
        guard !pod.nodeName.isEmpty, let node = store[NodeFailure.nodeKey(pod.nodeName)] else { return false }
        return of(node) != nil
    }
}
