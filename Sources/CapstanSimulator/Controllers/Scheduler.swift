import CapstanModel
import Foundation

/// Binds pending pods to nodes: filters by fit (cpu, memory, pod count), nodeSelector and taints, then
/// scores to spread one owner's replicas and prefer the least allocated node (kube-scheduler's defaults).
/// A pod that fits nowhere stays Pending with a FailedScheduling event and is retried when capacity frees.
struct Scheduler: Controller {
    let id = ControllerID.scheduler
    /// What is bound where, kept from the stream of changes so a decision never scans every pod.
    private var usage = NodeUsage()
    /// Pods waiting for a node.
    private var pending: Set<ResourceKey> = []
    /// Nodes by name, as the scheduler reads them, kept from Node changes, and the same sorted by name.
    private var nodes: [String: SchedulableNode] = [:]
    private var orderedNodes: [SchedulableNode] = []

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        switch (change.key.group, change.key.kind) {
        case ("", "Pod"):
            let freed = usage.observe(change)
            let object = change.object
            if change.kind != .deleted, object.nodeName.isEmpty, !object.isPodTerminated {
                pending.insert(change.key)
                return freed ? pending.sorted() : [change.key]
            }
            pending.remove(change.key)
            return freed ? pending.sorted() : []
        case ("", "PersistentVolumeClaim"):
            // A claim that became Bound (or appeared) may unblock pods of its namespace.
            return pending.filter { $0.namespace == change.key.namespace }.sorted()
        case ("", "Node"):
            if change.kind == .deleted {
                nodes[change.key.name] = nil
            } else {
                nodes[change.key.name] = SchedulableNode(change.object)
            }
            orderedNodes = nodes.values.sorted { $0.name < $1.name }
            return pending.sorted()
        default:
            return []
        }
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard var pod = plane.store[key], pod.nodeName.isEmpty, !pod.isPodTerminated else {
            pending.remove(key)
            return
        }
        if let reason = PodVolumeClaims.blockingReason(pod, in: plane.store) {
            markUnschedulable(&pod, message: "0/\(nodes.count) nodes are available: \(reason).", plane: &plane)
            return
        }
        let candidates = orderedNodes
        var filter = SchedulingFilter(pod: pod, usage: usage)
        let feasible = candidates.filter { filter.fits($0) }
        guard let chosen = best(of: feasible, for: pod, plane) else {
            markUnschedulable(&pod, message: filter.failureMessage(nodeCount: candidates.count), plane: &plane)
            return
        }
        pod.value[path: ["spec", "nodeName"]] = .string(chosen.name)
        setScheduledCondition(&pod, status: "True", reason: nil, message: nil, plane)
        plane.store.update(pod)
        pending.remove(key)
        plane.recordEvent(
            pod, reason: "Scheduled",
            message: "Successfully assigned \(pod.namespace)/\(pod.name) to \(chosen.name)")
    }

    /// Leaves the pod Pending with the reason, and a FailedScheduling event when the reason is new.
    private func markUnschedulable(_ pod: inout Resource, message: String, plane: inout ControlPlane) {
        setScheduledCondition(&pod, status: "False", reason: "Unschedulable", message: message, plane)
        if plane.store.update(pod) {
            plane.recordEvent(pod, type: .warning, reason: "FailedScheduling", message: message)
        }
    }

    /// The feasible node with the fewest replicas of the pod's owner, then the lowest allocation, then by name.
    private func best(of nodes: [SchedulableNode], for pod: Resource, _ plane: ControlPlane) -> SchedulableNode? {
        let siblingsPerNode = pod.controllerReference.map { usage.podsPerNode(ofOwner: $0.uid) } ?? [:]
        var best: (node: SchedulableNode, siblings: Int, load: Double)?
        for node in nodes {
            let siblings = siblingsPerNode[node.name] ?? 0
            let load = node.allocatedFraction(usage[node.name])
            if let current = best, (current.siblings, current.load) <= (siblings, load) { continue }
            best = (node, siblings, load)
        }
        return best?.node
    }

    private func setScheduledCondition(
        _ pod: inout Resource, status: String, reason: String?, message: String?,
        _ plane: ControlPlane
    ) {
        var conditions = pod.value[path: ["status", "conditions"]]?.arrayValue ?? []
        let index = conditions.firstIndex { $0["type"]?.stringValue == "PodScheduled" }
        if let index, conditions[index]["status"]?.stringValue == status,
            conditions[index]["message"]?.stringValue == message
        {
            return
        }
        var condition: Value = [
            "type": "PodScheduled", "status": .string(status), "lastTransitionTime": plane.timestamp,
        ]
        if let reason { condition["reason"] = .string(reason) }
        if let message { condition["message"] = .string(message) }
        if let index { conditions[index] = condition } else { conditions.append(condition) }
        pod.value[path: ["status", "conditions"]] = .array(conditions)
    }
}
