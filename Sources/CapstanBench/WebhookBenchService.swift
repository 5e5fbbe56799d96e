import CapstanConfig
import CapstanCore
import CapstanModel
import CapstanServer
import CapstanSimulator
import Foundation
import Logging

/// The whole service in this process, as `capstan serve` runs it, on 127.0.0.1 with an ephemeral port: the
/// simulated cluster (pod start delay 0, real time), one app watching the benchmark's repository with a poll
/// interval of an hour (so only webhooks make it fetch) and a GitHub webhook secret.
final class WebhookBenchService: Sendable {
    static let appName = "web"
    let app: CapstanServerApp
    let port: Int
    let stateDirectory: URL
    private let task: Task<Void, any Error>

    /// Builds and starts the service; returns once it listens (at most 10 s).
    static func start(repository: String, resources: WebhookWorkload, secret: String, work: URL) async throws
        -> WebhookBenchService
    {
        let directory = work.appendingPathComponent("state")
        var settings = ServiceSettings(
            host: "127.0.0.1", port: 0, stateDirectory: directory.path,
            simulated: SimulatedClusterOptions(
                startDelay: .zero,
                nodes: SimulatedNode.defaults(count: 3, cpu: Quantity("16")!, memory: Quantity("64Gi")!, pods: 110)),
            timeScale: 1,
            apps: [
                AppSettings(
                    definition: AppDefinition(
                        name: appName, source: AppSource(repo: repository, ref: "main", path: WebhookWorkload.path),
                        namespace: WebhookWorkload.namespace, interval: .seconds(3600), prune: true))
            ],
            logLevel: .warning)
        settings.webhooks = WebhookConfiguration(secrets: ["github": .inline(secret)])
        var logger = Logger(label: "capstan.bench")
        logger.logLevel = .warning
        let app = try await CapstanServerApp.build(settings, logger: logger)
        let task = Task { try await app.run() }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let port = app.port {
                return WebhookBenchService(app: app, port: port, directory: directory, task: task)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        await app.shutdown()
        task.cancel()
        throw BenchError("the service did not listen on 127.0.0.1 within 10 s")
    }

    private init(app: CapstanServerApp, port: Int, directory: URL, task: Task<Void, any Error>) {
        self.app = app
        self.port = port
        self.stateDirectory = directory
        self.task = task
    }

    /// Where GitHub deliveries go.
    var webhookURL: String { "http://127.0.0.1:\(port)/api/v1/webhooks/github" }

    /// The app's status as the API would serve it now.
    func status() async throws -> AppStatus {
        guard let controller = app.runtime.controller(named: Self.appName) else {
            throw BenchError("the service has no app \"\(Self.appName)\"")
        }
        return await controller.reconciler.status
    }

    /// The history entries of the syncs after the one of `first`, once the entry of `last` is written (the
    /// status shows a sync before its entry reaches the store); waits at most 10 s.
    func syncs(after first: String, through last: String) async throws -> [SyncRecord] {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let history = try await app.runtime.store.history(app: Self.appName, limit: 10_000)
            if history.contains(where: { $0.revision?.id == last }) {
                return history.filter { $0.revision?.id != first }
            }
            guard ContinuousClock.now < deadline else {
                throw BenchError("the history has no entry for \(last) 10 s after it was Healthy")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Polls the status every millisecond until `condition` holds; throws after `timeout` with the last status.
    @discardableResult
    func wait(
        timeout: Duration, for what: String, until condition: (AppStatus) -> Bool
    ) async throws -> AppStatus {
        let deadline = ContinuousClock.now + timeout
        while true {
            let status = try await status()
            if condition(status) { return status }
            guard ContinuousClock.now < deadline else {
                throw BenchError(
                    "the app did not reach \(what) within \(timeout): sync \(status.sync.status.rawValue) at "
                        + "\(status.sync.revision ?? "none"), rollout \(status.rollout?.state.rawValue ?? "none") "
                        + "of \(status.rollout?.revision ?? "none"), conditions "
                        + status.conditions.map { "\($0.type): \($0.message)" }.joined(separator: "; "))
            }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Stops the service gracefully and waits for it.
    func stop() async {
        await app.shutdown()
        _ = try? await task.value
    }
}

extension AppStatus {
    /// Synced to `revision` and its rollout Healthy.
    func isHealthy(at revision: String) -> Bool {
        sync.revision == revision && rollout?.revision == revision && rollout?.state == .healthy
    }
}
