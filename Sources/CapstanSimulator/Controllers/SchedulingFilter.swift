import CapstanModel

/// The filter phase for one pod: which nodes fit and, for those that do not, why — counted for the
/// FailedScheduling message (`0/3 nodes are available: 3 Insufficient cpu.`).
struct SchedulingFilter {
    let pod: Resource
    let usage: NodeUsage
    private let requests: (cpu: Quantity, memory: Quantity)
    private let nodeSelector: [String: String]
    private let tolerations: [Value]
    private let affinity: NodeAffinity
    private var reasons: [String: Int] = [:]

    init(pod: Resource, usage: NodeUsage) {
        self.pod = pod
        self.usage = usage
        requests = pod.podRequests
        nodeSelector = pod.value[path: ["spec", "nodeSelector"]]?.stringMap ?? [:]
        tolerations = pod.value[path: ["spec", "tolerations"]]?.arrayValue ?? []
        affinity = NodeAffinity(pod: pod)
    }

    /// True when the pod can run on `node`; otherwise the reasons are counted. Like kube-scheduler, the first
    /// failing filter plugin decides for a node (NodeUnschedulable, TaintToleration, NodeAffinity, then
    /// NodeResourcesFit, which names every resource that does not fit). Not-ready nodes are kept off by their
    /// taints, as in Kubernetes.
    mutating func fits(_ node: SchedulableNode) -> Bool {
        let failures = failures(on: node)
        for failure in failures { reasons[failure, default: 0] += 1 }
        return failures.isEmpty
    }

    private func failures(on node: SchedulableNode) -> [String] {
        if node.unschedulable { return ["node(s) were unschedulable"] }
        if let taint = untoleratedTaint(node) {
            let key = taint["key"]?.stringValue ?? ""
            let value = taint["value"]?.stringValue ?? ""
            return ["node(s) had untolerated taint {\(key): \(value)}"]
        }
        if nodeSelector.contains(where: { node.labels[$0.key] != $0.value }) || !affinity.allows(node) {
            return ["node(s) didn't match Pod's node affinity/selector"]
        }
        var failures: [String] = []
        let used = usage[node.name]
        if used.pods + 1 > node.pods { failures.append("Too many pods") }
        if requests.cpu.milliValue > 0, used.cpu + requests.cpu > node.cpu { failures.append("Insufficient cpu") }
        if requests.memory.milliValue > 0, used.memory + requests.memory > node.memory {
            failures.append("Insufficient memory")
        }
        return failures
    }

    /// kube-scheduler's message: each reason with the number of nodes it applied to, sorted as text.
    func failureMessage(nodeCount: Int) -> String {
        let parts = reasons.map { "\($0.value) \($0.key)" }.sorted()
        return "0/\(nodeCount) nodes are available: \(parts.joined(separator: ", "))."
    }

    private func untoleratedTaint(_ node: SchedulableNode) -> Value? {
        node.blockingTaints.first { taint in !tolerations.contains { Self.tolerates($0, taint) } }
    }

    /// Kubernetes' toleration match: empty key with Exists tolerates everything; effect must match when set.
    static func tolerates(_ toleration: Value, _ taint: Value) -> Bool {
        let key = toleration["key"]?.stringValue ?? ""
        let op = toleration["operator"]?.stringValue ?? "Equal"
        let effect = toleration["effect"]?.stringValue ?? ""
        if !effect.isEmpty, effect != taint["effect"]?.stringValue { return false }
        if key.isEmpty { return op == "Exists" }
        guard key == taint["key"]?.stringValue else { return false }
        if op == "Exists" { return true }
        return (toleration["value"]?.stringValue ?? "") == (taint["value"]?.stringValue ?? "")
    }
}
