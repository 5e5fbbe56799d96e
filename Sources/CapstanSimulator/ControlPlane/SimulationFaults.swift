import CapstanModel

/// What a user injected to rehearse failures and load: images that cannot be pulled, the CPU load on
/// services' pods, and the round-robin position of each Service's load balancer.
struct SimulationFaults: Sendable {
    /// Images whose pulls fail (`capstan sim image fail IMAGE`).
    var unpullableImages: Set<String> = []
    /// CPU utilization in percent of requests, by Service key (`capstan sim load NS/SERVICE --cpu N`).
    var serviceLoad: [ResourceKey: Double] = [:]
    /// The next endpoint index of each Service's round-robin balancer.
    var balancerCursors: [ResourceKey: Int] = [:]
}
