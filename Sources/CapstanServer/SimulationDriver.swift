import CapstanSimulator
import ServiceLifecycle

/// Moves the simulated cluster's clock with real time (times `timeScale`) while the service runs.
struct SimulationDriver: Service {
    let cluster: SimulatedCluster
    let timeScale: Double

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await cluster.runRealTime(clock: ContinuousClock(), timeScale: timeScale)
        }
    }
}
