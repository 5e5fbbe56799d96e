import CapstanModel

/// Requests of the pods bound to each node, maintained from object changes.
struct NodeUsage: Sendable {
    struct Usage: Sendable {
        var cpu = Quantity.zero
        var memory = Quantity.zero
        var pods = 0
    }

    private var byNode: [String: Usage] = [:]
    private var bound: [ResourceKey: (node: String, cpu: Quantity, memory: Quantity, owner: String?)] = [:]
    /// Pods bound per node, by the uid of their controlling owner: what spreading replicas needs.
    private var byOwner: [String: [String: Int]] = [:]

    /// How many pods of the owner with `uid` are bound to each node.
    func podsPerNode(ofOwner uid: String) -> [String: Int] { byOwner[uid] ?? [:] }

    subscript(node: String) -> Usage { byNode[node] ?? Usage() }

    /// Updates usage from a pod change; returns true when capacity was freed on some node.
    mutating func observe(_ change: ObjectChange) -> Bool {
        let pod = change.object
        let stillBound = change.kind != .deleted && !pod.nodeName.isEmpty && !pod.isPodTerminated
        // Most pod changes are status updates of a pod that stays where it is: nothing to account.
        if stillBound, let existing = bound[change.key], existing.node == pod.nodeName { return false }
        let previous = bound.removeValue(forKey: change.key)
        if let previous {
            adjust(previous.node, cpu: previous.cpu, memory: previous.memory, sign: -1)
            if let owner = previous.owner { count(owner, on: previous.node, by: -1) }
        }
        var current: String?
        if stillBound {
            let requests = pod.podRequests
            let owner = pod.controllerReference?.uid
            bound[change.key] = (pod.nodeName, requests.cpu, requests.memory, owner)
            adjust(pod.nodeName, cpu: requests.cpu, memory: requests.memory, sign: 1)
            if let owner { count(owner, on: pod.nodeName, by: 1) }
            current = pod.nodeName
        }
        return previous != nil && previous?.node != current
    }

    private mutating func count(_ owner: String, on node: String, by delta: Int) {
        byOwner[owner, default: [:]][node, default: 0] += delta
        if byOwner[owner]?[node] == 0 {
            byOwner[owner]?[node] = nil
            if byOwner[owner]?.isEmpty == true { byOwner[owner] = nil }
        }
    }

    private mutating func adjust(_ node: String, cpu: Quantity, memory: Quantity, sign: Int64) {
        var usage = byNode[node] ?? Usage()
        usage.cpu = Quantity(milliValue: usage.cpu.milliValue + sign * cpu.milliValue)
        usage.memory = Quantity(milliValue: usage.memory.milliValue + sign * memory.milliValue)
        usage.pods += Int(sign)
        byNode[node] = usage
    }
}
