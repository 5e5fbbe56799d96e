import CapstanCore
import CapstanDockerBackend
import CapstanGit
import CapstanModel
import CapstanSecrets
import CapstanStore
import Foundation
import Logging

/// One app with `backend: docker` wired as the service wires it, in a fresh state folder: a SQLite store (Secrets
/// and ConfigMaps encrypted), the Docker backend's control plane over it with one node on the daemon, its clock,
/// node agent and service proxy running, a libgit2 cache (empty: the first reconcile clones) and the reconciler.
struct DockerBackendSetup {
    let stateDirectory: URL
    let store: StateStore
    let docker: DockerCluster
    let reconciler: AppReconciler
    let app: AppDefinition
    private let running: Task<Void, Never>

    /// How long the backend runs before the first reconcile, so its node agent has made its first (empty) pass and
    /// follows the control plane's events, as in a service that has been up for a while.
    static let warmUp = Duration.milliseconds(500)

    static func start(dockerHost: String, repository: String, work: URL) async throws -> DockerBackendSetup {
        let directory = work.appendingPathComponent("docker-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keys = try KeyRingFile.random()
        let store = try StateStore(path: directory.appendingPathComponent("capstan.sqlite").path, cipher: KeyRing(keys))
        let logger = Logger(label: "capstan.bench.docker")
        let docker = try await DockerCluster.open(
            DockerBackendOptions(hosts: [DockerHost(name: "docker-1", endpoint: dockerHost)]), store: store,
            logger: logger)
        let app = AppDefinition(
            name: "services", source: AppSource(repo: repository, ref: "main", path: "apps"), namespace: "default",
            interval: .seconds(180), prune: true, selfHeal: true, backend: docker.control.name)
        let git = LibGit2Repository(url: repository, cacheDirectory: directory.appendingPathComponent("git").path)
        let reconciler = try await AppReconciler(
            app: app, source: git, backend: docker.control, store: store,
            renderer: ManifestRenderer(sealingKeys: keys.sealingKeys, checksumKey: keys.checksumKey), logger: logger)
        let running = Task { await docker.run() }
        try await Task.sleep(for: warmUp)
        return DockerBackendSetup(
            stateDirectory: directory, store: store, docker: docker, reconciler: reconciler, app: app,
            running: running)
    }

    /// The app's node agent (the backend has one node).
    var agent: DockerNodeAgent { docker.agents[0] }

    /// Stops the control plane's clock, the agent and the proxy, and removes the state folder. The containers stay.
    func stop() async {
        running.cancel()
        _ = await running.value
        await docker.control.shutdown()
        try? FileManager.default.removeItem(at: stateDirectory)
    }
}
