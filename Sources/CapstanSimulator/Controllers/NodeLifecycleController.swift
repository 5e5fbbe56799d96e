import CapstanModel
import Foundation

/// Kubernetes' node lifecycle controller with its taint manager. A failed node (see `NodeFailure`) gets Ready
/// Unknown (`NodeStatusUnknown`) and the `unreachable` NoSchedule and NoExecute taints, and its pods Ready False;
/// a cordoned node gets the `unschedulable` taint. Pods on a node with NoExecute taints are deleted once their
/// tolerations run out (300 s for the tolerations every pod gets by default). A recovered node is Ready again
/// and loses those taints.
struct NodeLifecycleController: Controller {
    let id = ControllerID.nodeLifecycle
    private var podsByNode = PodsByNode()
    /// Nodes with NoExecute taints: changes of their pods go to the taint manager.
    private var noExecuteNodes: Set<String> = []

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        guard change.key.group.isEmpty else { return [] }
        switch change.key.kind {
        case "Node":
            let tainted =
                change.kind != .deleted
                && NodeTaints.taints(of: change.object).contains { $0["effect"]?.stringValue == "NoExecute" }
            if tainted { noExecuteNodes.insert(change.key.name) } else { noExecuteNodes.remove(change.key.name) }
            return change.kind == .deleted ? [] : [change.key]
        case "Pod":
            podsByNode.observe(change)
            let node = change.object.nodeName
            return change.kind != .deleted && noExecuteNodes.contains(node) ? [change.key] : []
        default:
            return []
        }
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        if key.kind == "Node" {
            reconcileNode(key, &plane)
        } else if let pod = plane.store[key], let node = plane.store[NodeFailure.nodeKey(pod.nodeName)] {
            reconcilePod(pod, on: node, &plane)
        }
    }

    private func reconcileNode(_ key: ResourceKey, _ plane: inout ControlPlane) {
        guard var node = plane.store[key] else { return }
        let before = node
        let failedAt = NodeFailure.failedAt(node)
        setReadyCondition(&node, failedAt: failedAt, plane)
        let taints = NodeTaints.desired(for: node, failedAt: failedAt, now: plane.now)
        node.value[path: ["spec", "taints"]] = taints.isEmpty ? nil : .array(taints)
        if plane.store.update(node) { recordTransitions(from: before, to: node, &plane) }
        for podKey in podsByNode.pods(on: node.name) {
            guard let pod = plane.store[podKey] else { continue }
            reconcilePod(pod, on: node, &plane)
        }
    }

    /// Ready Unknown while the kubelet is silent; Ready True again once it posts status.
    private func setReadyCondition(_ node: inout Resource, failedAt: Date?, _ plane: ControlPlane) {
        var conditions = node.value[path: ["status", "conditions"]]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == "Ready" }
        var ready: Value
        if let failedAt {
            ready = [
                "type": "Ready", "status": "Unknown", "reason": "NodeStatusUnknown",
                "message": "Kubelet stopped posting node status.",
                "lastTransitionTime": .string(SimulatedTime.format(failedAt)),
            ]
        } else {
            ready = [
                "type": "Ready", "status": "True", "reason": "KubeletReady",
                "message": "kubelet is posting ready status", "lastTransitionTime": plane.timestamp,
            ]
        }
        if let index {
            let existing = conditions[index]
            if existing["status"] == ready["status"] { return }
            ready["lastHeartbeatTime"] = existing["lastHeartbeatTime"]
            conditions[index] = ready
        } else {
            conditions.append(ready)
        }
        node.value[path: ["status", "conditions"]] = .array(conditions)
    }

    /// The node events `kubectl get events` shows for these transitions.
    private func recordTransitions(from before: Resource, to after: Resource, _ plane: inout ControlPlane) {
        func ready(_ node: Resource) -> String? {
            node.value[path: ["status", "conditions"]]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }?[
                "status"]?.stringValue
        }
        // A cordon is written by the user; this controller's write adds or removes its taint.
        func cordoned(_ node: Resource) -> Bool {
            NodeTaints.taints(of: node).contains { $0["key"]?.stringValue == NodeTaints.unschedulable }
        }
        var states: [String] = []
        if ready(before) != ready(after) { states.append(ready(after) == "True" ? "NodeReady" : "NodeNotReady") }
        if cordoned(before) != cordoned(after) {
            states.append(cordoned(after) ? "NodeNotSchedulable" : "NodeSchedulable")
        }
        for state in states {
            plane.recordEvent(after, reason: state, message: "Node \(after.name) status is now: \(state)")
        }
    }

    /// Marks the pods of a failed node not Ready and evicts pods whose tolerations have run out.
    private func reconcilePod(_ pod: Resource, on node: Resource, _ plane: inout ControlPlane) {
        if NodeFailure.failedAt(node) != nil, !pod.isPodTerminated { markNotReady(pod, &plane) }
        guard let evictAt = NodeTaints.evictionTime(of: pod, taints: NodeTaints.taints(of: node), now: plane.now)
        else { return }
        guard plane.hasReached(evictAt) else {
            plane.requeue(.nodeLifecycle, pod.key, at: evictAt)
            return
        }
        plane.recordEvent(
            pod, reason: "TaintManagerEviction", message: "Marking for deletion Pod \(pod.namespace)/\(pod.name)")
        plane.store.delete(pod.key)
    }

    /// The node controller's MarkPodsNotReady: only the Ready condition turns False.
    private func markNotReady(_ pod: Resource, _ plane: inout ControlPlane) {
        var conditions = pod.value[path: ["status", "conditions"]]?.arrayValue ?? []
        guard let index = conditions.firstIndex(where: { $0["type"]?.stringValue == "Ready" }),
            conditions[index]["status"]?.stringValue != "False"
        else { return }
        conditions[index]["status"] = "False"
        conditions[index]["lastTransitionTime"] = plane.timestamp
        var updated = pod
        updated.value[path: ["status", "conditions"]] = .array(conditions)
        plane.store.update(updated)
        plane.recordEvent(pod, type: .warning, reason: "NodeNotReady", message: "Node is not ready")
    }
}
