import CapstanHTTPClient
import CapstanModel
import CapstanStore
import Foundation
import Logging

/// The reconciler's event sink: `publish` stores one outbox row per matching provider (durable before
/// it returns); `run` delivers them, one worker per provider, until cancelled.
///
/// Delivery is at least once: rows survive restarts and a retried row carries the same event id.
/// Identical events within `settings.deduplicationWindow` are stored once.
public final class Notifier: AppEventSink {
    public let providers: [NotificationProvider]
    public let settings: NotifierSettings
    let store: StateStore
    let client: CurlHTTPClient
    let logger: Logger
    private let signals: [String: WakeSignal]

    /// Checks that provider names are unique; nothing is sent until `run()`.
    public init(
        providers: [NotificationProvider], store: StateStore, client: CurlHTTPClient,
        settings: NotifierSettings = NotifierSettings(), logger: Logger
    ) throws(NotificationConfigurationError) {
        var seen = Set<String>()
        for provider in providers where !seen.insert(provider.name).inserted {
            throw NotificationConfigurationError(provider: provider.name, "the name is used by more than one provider")
        }
        self.providers = providers
        self.settings = settings
        self.store = store
        self.client = client
        self.logger = logger
        signals = Dictionary(uniqueKeysWithValues: providers.map { ($0.name, WakeSignal()) })
    }

    /// Stores `event` for every matching provider; never throws (a store failure is logged).
    public func publish(_ event: AppEvent) async {
        do {
            try await enqueue(event)
        } catch {
            logger.error(
                "cannot store notification \(event.reason.rawValue) of app \(event.app): \(error)",
                metadata: ["event.id": "\(event.id)", "app.name": "\(event.app)"])
        }
    }

    /// Stores `event` for every matching provider in one transaction and wakes their workers. Returns
    /// the providers it was stored for: none when no filter matched or it duplicates a recent event.
    @discardableResult
    public func enqueue(_ event: AppEvent) async throws(StoreError) -> [String] {
        let key = EventDeduplication.key(for: event)
        let items = providers.filter { $0.matches(event) }.map {
            StateStore.OutboxItem(provider: $0.name, event: event, dedupKey: key)
        }
        guard !items.isEmpty else { return [] }
        let stored = try await store.enqueueNotifications(
            items, deduplicatingWithin: settings.deduplicationWindow, now: Date())
        for item in stored { signals[item.provider]?.signal() }
        if stored.count < items.count {
            logger.debug(
                "notification \(event.reason.rawValue) of app \(event.app) is a duplicate for some providers",
                metadata: ["event.id": "\(event.id)"])
        }
        return stored.map(\.provider)
    }

    /// Delivers stored rows (resuming those left by an earlier run) until the task is cancelled, and
    /// prunes finished rows older than `settings.retention` every hour. Call it once per notifier.
    public func run() async {
        logger.info(
            "notifier started",
            metadata: ["notification.providers": "\(providers.map(\.description).joined(separator: ", "))"])
        await withDiscardingTaskGroup { group in
            for provider in providers {
                var workerLogger = logger
                workerLogger[metadataKey: "notification.provider"] = "\(provider.name)"
                let worker = ProviderWorker(
                    provider: provider, store: store, client: client, settings: settings,
                    wake: signals[provider.name]!, logger: workerLogger)
                group.addTask { await worker.run() }
            }
            group.addTask { await self.pruneHourly() }
        }
        logger.info("notifier stopped")
    }

    private func pruneHourly() async {
        while !Task.isCancelled {
            do {
                let removed = try await store.pruneOutbox(
                    finishedBefore: Date().addingTimeInterval(-settings.retention.seconds))
                if removed > 0 { logger.debug("pruned \(removed) finished notification(s)") }
            } catch {
                logger.warning("cannot prune the notification outbox: \(error)")
            }
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}
