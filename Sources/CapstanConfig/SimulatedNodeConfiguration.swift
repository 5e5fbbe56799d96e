import CapstanModel

/// One node of the simulated cluster.
public struct SimulatedNodeConfiguration: Sendable, Hashable {
    public var name: String
    /// Allocatable CPU, e.g. `4` or `3500m`.
    public var cpu: Quantity
    /// Allocatable memory, e.g. `8Gi`.
    public var memory: Quantity
    /// The most pods the node runs.
    public var pods: Int
    public var labels: [String: String]
    public var taints: [NodeTaint]

    public init(
        name: String, cpu: Quantity = SimulatedNodeConfiguration.defaultCPU,
        memory: Quantity = SimulatedNodeConfiguration.defaultMemory, pods: Int = 110,
        labels: [String: String] = [:], taints: [NodeTaint] = []
    ) {
        self.name = name
        self.cpu = cpu
        self.memory = memory
        self.pods = pods
        self.labels = labels
        self.taints = taints
    }

    public static let defaultCPU = Quantity("4")!
    public static let defaultMemory = Quantity("8Gi")!

    /// `node-1` … `node-count` with the same capacity.
    public static func numbered(
        count: Int, cpu: Quantity = defaultCPU, memory: Quantity = defaultMemory, pods: Int = 110,
        labels: [String: String] = [:]
    ) -> [SimulatedNodeConfiguration] {
        (0..<max(count, 0)).map {
            SimulatedNodeConfiguration(name: "node-\($0 + 1)", cpu: cpu, memory: memory, pods: pods, labels: labels)
        }
    }
}
