import CapstanCluster
import CapstanModel

/// Node faults (`capstan sim node fail|recover|drain`). Each call changes the cluster like the real event would
/// and lets the controllers react before it returns.
extension SimulatedCluster {
    /// The node's kubelet stops: the node goes Ready Unknown and is tainted unreachable at once (the simulation
    /// skips the 40 s node-monitor grace period), its pods turn not Ready, and they are evicted when their
    /// tolerations run out (300 s by default). A node already failed stays failed since its first failure.
    public func failNode(_ name: String) throws(ClusterError) {
        var node = try existingNode(name)
        guard NodeFailure.failedAt(node) == nil else { return }
        node.annotations[NodeFailure.annotation] = SimulatedTime.format(plane.now)
        plane.store.update(node)
        if let failure = settle() { throw failure }
    }

    /// The node answers again and is uncordoned: Ready True, its unreachable and unschedulable taints removed,
    /// its kubelet reports its remaining pods again, and pending pods may land on it.
    public func recoverNode(_ name: String) throws(ClusterError) {
        var node = try existingNode(name)
        node.annotations[NodeFailure.annotation] = nil
        node.value[path: ["spec", "unschedulable"]] = nil
        plane.store.update(node)
        if let failure = settle() { throw failure }
    }

    /// `kubectl drain`: the node is cordoned and every pod on it evicted at once (no grace period), except
    /// DaemonSet pods and mirror pods; their owners recreate them elsewhere.
    public func drainNode(_ name: String) throws(ClusterError) {
        var node = try existingNode(name)
        node.value[path: ["spec", "unschedulable"]] = true
        plane.store.update(node)
        let pods = plane.store.list(group: "", kind: "Pod").filter { $0.nodeName == name }
        for pod in pods where pod.controllerReference?.kind != "DaemonSet" {
            guard pod.annotations["kubernetes.io/config.mirror"] == nil else { continue }
            for container in pod.containers {
                let containerName = container["name"]?.stringValue ?? "main"
                plane.recordEvent(pod, reason: "Killing", message: "Stopping container \(containerName)")
            }
            plane.store.delete(pod.key)
        }
        if let failure = settle() { throw failure }
    }

    private func existingNode(_ name: String) throws(ClusterError) -> Resource {
        guard let node = plane.store[NodeFailure.nodeKey(name)] else {
            throw ClusterError(.notFound, key: NodeFailure.nodeKey(name), "nodes \"\(name)\" not found")
        }
        return node
    }
}
