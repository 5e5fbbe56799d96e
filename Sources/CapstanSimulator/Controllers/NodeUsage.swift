import CapstanModel

/// Requests of the pods bound to each node, maintained from object changes.
struct NodeUsage: Sendable {
    struct Usage: Sendable {
        var cpu = Quantity.zero
        var memory = Quantity.zero
        var pods = 0
    }

    private var byNode: [String: Usage] = [:]
    private var bound: [ResourceKey: (node: String, cpu: Quantity, memory: Quantity)] = [:]

    subscript(node: String) -> Usage { byNode[node] ?? Usage() }

    /// Updates usage from a pod change; returns true when capacity was freed on some node.
    mutating func observe(_ change: ObjectChange) -> Bool {
        let previous = bound.removeValue(forKey: change.key)
        if let previous { adjust(previous.node, cpu: previous.cpu, memory: previous.memory, sign: -1) }
        let pod = change.object
        var current: String?
        if change.kind != .deleted, !pod.nodeName.isEmpty, !pod.isPodTerminated {
            let requests = pod.podRequests
            bound[change.key] = (pod.nodeName, requests.cpu, requests.memory)
            adjust(pod.nodeName, cpu: requests.cpu, memory: requests.memory, sign: 1)
            current = pod.nodeName
        }
        return previous != nil && previous?.node != current
    }

    private mutating func adjust(_ node: String, cpu: Quantity, memory: Quantity, sign: Int64) {
        var usage = byNode[node] ?? Usage()
        usage.cpu = Quantity(milliValue: usage.cpu.milliValue + sign * cpu.milliValue)
        usage.memory = Quantity(milliValue: usage.memory.milliValue + sign * memory.milliValue)
        usage.pods += Int(sign)
        byNode[node] = usage
    }
}
