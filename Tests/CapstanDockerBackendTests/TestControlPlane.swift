import CapstanSimulator

/// The control plane of a test's Docker nodes, as `DockerCluster` makes it: a random seed, so the pods (and so
/// the container names and uid labels) of tests running at once on the shared test daemon never coincide.
enum TestControlPlane {
    static func make(nodes: [String], defaultTolerationSeconds: Int = 300) throws -> SimulatedCluster {
        try SimulatedCluster(
            options: SimulatedClusterOptions(
                nodes: nodes.map { SimulatedNode(name: $0, labels: ["capstan.io/runtime": "docker"]) },
                seed: UInt64.random(in: 1...UInt64.max), name: "docker",
                defaultTolerationSeconds: defaultTolerationSeconds))
    }
}
