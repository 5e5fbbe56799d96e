import CapstanDockerBackend
import ServiceLifecycle

/// Runs the Docker backend (its control plane's clock and node agents) while the service runs.
struct DockerBackendDriver: Service {
    let docker: DockerCluster

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            await docker.run()
        }
    }
}
