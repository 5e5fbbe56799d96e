import CapstanCluster
import CapstanCore
import CapstanDockerBackend
import CapstanGit
import CapstanModel
import CapstanNotifications
import CapstanSecrets
import CapstanSimulator
import CapstanStore
import CapstanWebhooks
import Crypto
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The composition root: builds the store, the backends, one controller per app and the HTTP API from
/// settings, and runs them in one service group with graceful shutdown on SIGTERM and SIGINT.
public final class CapstanServerApp: Sendable {
    public let runtime: CapstanRuntime
    public let cluster: SimulatedCluster
    /// The Docker backend, when configured.
    public let docker: DockerCluster?
    public let notifier: Notifier
    let webhooks: WebhookSecrets
    /// Held while the service lives, so offline tools refuse to race it.
    let lock: StateDirectoryLock?
    /// The public half of the newest sealing key (`GET /api/v1/sealing/cert`).
    let sealingCertificate: SealingPublicKey?
    let settings: ServiceSettings
    let logger: Logger
    let boundAddress = BoundAddress()

    /// Opens the state directory and wires everything; nothing runs until `run()`.
    public static func build(_ settings: ServiceSettings, logger: Logger) async throws -> CapstanServerApp {
        guard let lock = try StateDirectoryLock.acquire(stateDirectory: settings.stateDirectory) else {
            throw ServiceError(
                "another capstan serve is running on \(settings.stateDirectory) (it holds capstan.lock there)")
        }
        let keyRing = try EncryptionSetup.keyRing(settings, logger: logger)
        let store = try StateStore(
            path: (settings.stateDirectory as NSString).appendingPathComponent("capstan.sqlite"), cipher: keyRing)
        try await EncryptionSetup.warnAboutWornKeys(keyRing, store: store, logger: logger)
        let cluster = try SimulatedCluster(options: settings.simulated, store: store)
        var backends: [String: any ClusterBackend] = [cluster.name: cluster]
        var docker: DockerCluster?
        if let options = settings.docker {
            docker = try await DockerCluster.open(options, store: store, logger: logger)
        }
        if let docker { backends[docker.control.name] = docker.control }
        let notifier = try NotifierService.notifier(
            settings.notifications, settings: settings.notifierSettings, store: store, logger: logger)

        var repositories: [String: LibGit2Repository] = [:]
        var repositoryOfApp: [String: LibGit2Repository] = [:]
        var controllers: [AppController] = []
        for app in settings.apps {
            let definition = app.definition
            guard let backend = backends[definition.backend] else {
                throw ServiceError("app \(definition.name): backend \"\(definition.backend)\" is not available")
            }
            let cacheKey = definition.source.repo + "\u{0}" + app.credentials.description
            let repository =
                repositories[cacheKey]
                ?? LibGit2Repository(
                    url: definition.source.repo,
                    cacheDirectory: gitCacheDirectory(settings.stateDirectory, key: cacheKey),
                    credentials: app.credentials)
            repositories[cacheKey] = repository
            repositoryOfApp[definition.name] = repository
            let reconciler = try await AppReconciler(
                app: definition, source: repository, backend: backend, store: store,
                renderer: ManifestRenderer(
                    sealingKeys: keyRing.file.sealingKeys, checksumKey: keyRing.file.checksumKey),
                events: notifier, logger: logger)
            controllers.append(AppController(reconciler: reconciler, backend: backend, logger: logger))
        }
        let restorer = GitRevisionRestorer(repositories: repositoryOfApp, committer: settings.committer)
        let runtime = CapstanRuntime(controllers: controllers, backends: backends, store: store, restorer: restorer)
        return CapstanServerApp(
            runtime: runtime, cluster: cluster, docker: docker, notifier: notifier,
            webhooks: try WebhookSecrets(settings.webhooks),
            sealingCertificate: keyRing.file.sealingKeys.first?.publicKey, lock: lock, settings: settings,
            logger: logger)
    }

    init(
        runtime: CapstanRuntime, cluster: SimulatedCluster, docker: DockerCluster? = nil, notifier: Notifier,
        webhooks: WebhookSecrets = WebhookSecrets(), sealingCertificate: SealingPublicKey? = nil,
        lock: StateDirectoryLock? = nil, settings: ServiceSettings, logger: Logger
    ) {
        self.lock = lock
        self.runtime = runtime
        self.cluster = cluster
        self.docker = docker
        self.notifier = notifier
        self.webhooks = webhooks
        self.sealingCertificate = sealingCertificate
        self.settings = settings
        self.logger = logger
    }

    /// Runs until SIGTERM/SIGINT (or `shutdown`), then stops every part gracefully.
    public func run(onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) async throws {
        let router = Router()
        router.middlewares.add(LogRequestsMiddleware(.debug))
        APIRoutes(runtime: runtime, notifier: notifier, webhooks: webhooks, sealingCertificate: sealingCertificate)
            .register(on: router)
        let address = boundAddress
        let http = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "capstan"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                address.set(port)
                await onListening(channel.localAddress?.ipAddress ?? "", port)
            },
            logger: logger)
        let driver = SimulationDriver(cluster: cluster, timeScale: settings.timeScale)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: driver), .init(service: NotifierService(notifier: notifier))]
                    + (docker.map { [.init(service: DockerBackendDriver(docker: $0))] } ?? [])
                    + runtime.controllers.map { .init(service: $0) } + [.init(service: http)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        shutdownHandle.set(group)
        defer { lock?.release() }
        try await group.run()
        await cluster.shutdown()
        await docker?.control.shutdown()
    }

    /// Asks a running service to stop (what SIGTERM does).
    public func shutdown() async {
        await shutdownHandle.group?.triggerGracefulShutdown()
    }

    /// The port the API listens on once running.
    public var port: Int? { boundAddress.port }

    let shutdownHandle = ShutdownHandle()

    private static func gitCacheDirectory(_ stateDirectory: String, key: String) -> String {
        let digest = HexText.lowercase(Array(SHA256.hash(data: Data(key.utf8)).prefix(8)))
        return (stateDirectory as NSString).appendingPathComponent("git/\(digest)")
    }
}

/// A start-up failure with a message for the user.
public struct ServiceError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
