import CapstanHTTPClient
import CapstanModel
import CapstanStore
import Foundation
import Logging

/// Delivers one provider's outbox rows in insertion order: the head row is retried with backoff until
/// it is delivered or dead, then the next goes. Each provider has its own worker, so a slow or down
/// receiver only delays itself.
struct ProviderWorker: Sendable {
    let provider: NotificationProvider
    let store: StateStore
    let client: CurlHTTPClient
    let settings: NotifierSettings
    let wake: WakeSignal
    let logger: Logger

    /// Runs until the task is cancelled; rows left pending are resumed by the next run.
    func run() async {
        while !Task.isCancelled {
            let head: StateStore.OutboxEntry?
            do {
                head = try await store.nextPendingNotification(provider: provider.name)
            } catch {
                if Task.isCancelled { return }
                logger.error("cannot read the notification outbox: \(error)")
                try? await Task.sleep(for: settings.retry.maximumDelay)
                continue
            }
            guard let head else {
                await wake.wait(upTo: settings.idlePoll)
                continue
            }
            // A due time beyond the backoff cap means the clock went back: try now rather than wait.
            let wait = head.nextAttemptAt.timeIntervalSinceNow
            if wait > 0 && wait <= settings.retry.maximumDelay.seconds + 1 {
                try? await Task.sleep(for: .milliseconds(Int64((wait * 1000).rounded(.up))))
                continue
            }
            await deliver(head)
        }
    }

    /// One attempt for `entry`, and its outcome recorded in the store.
    func deliver(_ entry: StateStore.OutboxEntry) async {
        let attempt = entry.attempts + 1
        var logger = logger
        logger[metadataKey: "event.id"] = "\(entry.event.id)"
        logger[metadataKey: "app.name"] = "\(entry.event.app)"
        logger[metadataKey: "notification.attempt"] = "\(attempt)"
        let request = DeliveryRequest.make(
            entry.event, for: provider, connectTimeout: settings.connectTimeout, timeout: settings.timeout)
        let failure: DeliveryFailure
        do {
            let response = try await client.send(request)
            if response.isSuccess {
                await record("mark delivered", logger) { () throws(StoreError) in
                    try await store.markNotificationDelivered(
                        id: entry.id, attempts: attempt, status: response.status, at: Date())
                }
                logger.debug("notification delivered", metadata: ["http.status": "\(response.status)"])
                return
            }
            failure = DeliveryFailure(provider: provider, response: response)
        } catch {
            // Stopping is not a failed attempt: the row stays as it was for the next run.
            if error.kind == .cancelled || Task.isCancelled { return }
            failure = DeliveryFailure(provider: provider, error: error)
        }
        await recordFailure(failure, entry: entry, attempt: attempt, logger: logger)
    }

    private func recordFailure(
        _ failure: DeliveryFailure, entry: StateStore.OutboxEntry, attempt: Int, logger: Logger
    ) async {
        if !failure.isRetryable || attempt >= settings.retry.maxAttempts {
            await record("mark dead", logger) { () throws(StoreError) in
                try await store.markNotificationDead(
                    id: entry.id, attempts: attempt, status: failure.status, error: failure.reason, at: Date())
            }
            logger.error("notification given up after \(attempt) attempt(s): \(failure)")
            return
        }
        let delay = settings.retry.delay(afterAttempt: attempt)
        await record("reschedule", logger) { () throws(StoreError) in
            try await store.rescheduleNotification(
                id: entry.id, attempts: attempt, nextAttemptAt: Date().addingTimeInterval(delay.seconds),
                status: failure.status, error: failure.reason, at: Date())
        }
        logger.warning("notification attempt failed, retrying in \(delay.formatted): \(failure)")
    }

    /// Runs a store update in a task of its own, so a delivery that happened is recorded even while the
    /// notifier is being stopped; when the update fails the row keeps its old state and is sent again.
    private func record(
        _ what: String, _ logger: Logger, _ update: @escaping @Sendable () async throws(StoreError) -> Void
    ) async {
        let outcome = await Task { () -> StoreError? in
            do throws(StoreError) {
                try await update()
                return nil
            } catch {
                return error
            }
        }.value
        if let error = outcome {
            logger.error("cannot \(what) in the notification outbox: \(error)")
            try? await Task.sleep(for: settings.retry.initialDelay)
        }
    }
}
