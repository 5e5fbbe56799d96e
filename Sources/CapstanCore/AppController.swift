import CapstanCluster
import CapstanModel
import Foundation
import Logging
import ServiceLifecycle

/// Runs one app's reconcile loop as a long-running service: on every poll interval (with jitter), on
/// requests (manual, webhook), and shortly after changes of its objects in the cluster; retries failures
/// with exponential backoff; stops on graceful shutdown.
public final class AppController: Service, Sendable {
    public let reconciler: AppReconciler
    let backend: any ClusterBackend
    let mailbox = Mailbox()
    let logger: Logger
    /// How soon to look again while a rollout is progressing (cluster events usually come sooner).
    let progressInterval: Duration

    public init(
        reconciler: AppReconciler, backend: any ClusterBackend, logger: Logger,
        progressInterval: Duration = .seconds(2)
    ) {
        self.reconciler = reconciler
        self.backend = backend
        self.logger = logger
        self.progressInterval = progressInterval
    }

    public var name: String { reconciler.app.name }

    /// Asks for a reconcile soon; returns at once.
    public func request(_ request: SyncRequest) async {
        await mailbox.post(request)
    }

    /// Asks the loop for a reconcile (a manual sync by default) and waits for it to finish; returns the app's
    /// status after it. Reconciles of one app never overlap: this one runs when the current one is done.
    public func syncNow(_ request: SyncRequest = .manual) async -> AppStatus {
        if let status = await mailbox.postAndWait(request) { return status }
        return await reconciler.status
    }

    public func run() async throws {
        let interval = reconciler.app.interval
        defer { Task { await mailbox.close() } }
        try await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.forwardClusterEvents() }
                var backoff = Backoff(cap: max(interval, .seconds(5)))
                var generator = SystemRandomNumberGenerator()
                var next: Mailbox.Delivery? = Mailbox.Delivery(request: .poll, waiters: [])
                while !Task.isCancelled {
                    let outcome = await self.reconciler.reconcile(next?.request ?? .poll)
                    let status = await self.reconciler.status
                    for waiter in next?.waiters ?? [] { waiter.resume(returning: status) }
                    let wait: Duration
                    switch outcome {
                    case .done, .stalled:
                        backoff.reset()
                        wait = interval.jittered()
                    case .progressing:
                        backoff.reset()
                        wait = min(self.progressInterval, interval)
                    case .retry:
                        wait = backoff.next(using: &generator)
                    }
                    next = await self.mailbox.next(timeout: wait)
                    // A timeout after a poll interval is a poll; after a short wait it only re-reads the cluster.
                    if next == nil, case .progressing = outcome {
                        next = Mailbox.Delivery(request: .clusterChange, waiters: [])
                    }
                }
                group.cancelAll()
            }
        }
    }

    /// Turns changes of the app's objects (or objects they own) into cluster-change requests; a burst
    /// merges in the mailbox into one reconcile.
    private func forwardClusterEvents() async {
        for await event in backend.events() {
            guard await reconciler.managesAny([event.key] + event.owners) else { continue }
            await mailbox.post(.clusterChange)
        }
    }
}

extension AppReconciler {
    /// True when any of `keys` is one of the app's resources.
    func managesAny(_ keys: [ResourceKey]) -> Bool { keys.contains { inventory[$0] != nil } }
}
