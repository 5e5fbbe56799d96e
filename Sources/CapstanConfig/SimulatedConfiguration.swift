/// The simulated cluster backend.
public struct SimulatedConfiguration: Sendable, Hashable {
    /// Simulated seconds per real second; greater than 0. Default 1.
    public var timeScale: Double
    /// Image pull plus container start time of a pod. Default 2s.
    public var startDelay: Duration
    /// Default: three nodes `node-1`…`node-3` with cpu 4, memory 8Gi, 110 pods.
    public var nodes: [SimulatedNodeConfiguration]

    public init(
        timeScale: Double = 1, startDelay: Duration = .seconds(2),
        nodes: [SimulatedNodeConfiguration] = SimulatedNodeConfiguration.numbered(count: 3)
    ) {
        self.timeScale = timeScale
        self.startDelay = startDelay
        self.nodes = nodes
    }
}
