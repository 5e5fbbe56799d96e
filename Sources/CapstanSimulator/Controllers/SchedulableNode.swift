import CapstanModel

/// What the scheduler needs of a Node, read once per version of the Node object.
struct SchedulableNode: Sendable {
    var name: String
    var cpu: Quantity
    var memory: Quantity
    var pods: Int
    var labels: [String: String]
    /// Taints that keep pods off (NoSchedule, NoExecute).
    var blockingTaints: [Value]
    var ready: Bool
    var unschedulable: Bool

    init(_ node: Resource) {
        name = node.name
        cpu = node.allocatable("cpu")
        memory = node.allocatable("memory")
        pods = Int(node.allocatable("pods").value)
        labels = node.labels
        blockingTaints = (node.value[path: ["spec", "taints"]]?.arrayValue ?? []).filter {
            let effect = $0["effect"]?.stringValue ?? ""
            return effect == "NoSchedule" || effect == "NoExecute"
        }
        let conditions = node.value[path: ["status", "conditions"]]?.arrayValue ?? []
        ready = conditions.contains { $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True" }
        unschedulable = node.value[path: ["spec", "unschedulable"]]?.boolValue == true
    }

    /// The larger of the cpu and memory allocation fractions given what is bound here.
    func allocatedFraction(_ usage: NodeUsage.Usage) -> Double {
        let cpuShare = Double(usage.cpu.milliValue) / Double(max(cpu.milliValue, 1))
        let memoryShare = Double(usage.memory.milliValue) / Double(max(memory.milliValue, 1))
        return max(cpuShare, memoryShare)
    }
}

extension Resource {
    /// A node's allocatable amount of a resource (`cpu`, `memory`, `pods`).
    func allocatable(_ resource: String) -> Quantity {
        value[path: ["status", "allocatable", resource]].flatMap(Quantity.init) ?? .zero
    }
}
