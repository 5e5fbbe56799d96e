import CapstanHTTPClient
import CapstanModel
import CapstanNotifications
import CapstanStore
import CapstanTestSupport
import Foundation
import Logging
import Synchronization

/// A temporary folder with a state-store file, plus helpers to run receivers and notifiers on it the way
/// the service does. `withHarness` stops them all and removes the folder afterwards.
final class NotifierHarness: Sendable {
    let directory: URL
    let logs = CapturedLogs()
    private let receivers = Mutex<[NotificationReceiver]>([])
    private let running = Mutex<[RunningNotifier]>([])

    private init(directory: URL) {
        self.directory = directory
    }

    var storePath: String { directory.appendingPathComponent("state/capstan.sqlite").path }

    static func withHarness(_ body: (NotifierHarness) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let harness = NotifierHarness(directory: directory)
        var failure: (any Error)?
        do {
            try await body(harness)
        } catch {
            failure = error
        }
        for notifier in harness.running.withLock({ $0 }) { await notifier.stop() }
        for receiver in harness.receivers.withLock({ $0 }) { await receiver.stop() }
        try? FileManager.default.removeItem(at: directory)
        if let failure { throw failure }
    }

    /// Starts a receiver in this harness's folder; a restarted receiver keeps its name (and records).
    func receiver(
        _ name: String = "receiver", port: Int = 0, failFirst: Int = 0, failStatus: Int = 500, delay: Duration = .zero,
        secret: String? = nil
    ) async throws -> NotificationReceiver {
        let receiver = try await NotificationReceiver.start(
            in: directory, name: name, port: port, failFirst: failFirst, failStatus: failStatus, delay: delay,
            secret: secret)
        receivers.withLock { $0.append(receiver) }
        return receiver
    }

    /// A notifier on the harness's store file (opened anew, as after a restart), logging into `logs`.
    func notifier(_ providers: [NotificationProvider], settings: NotifierSettings = .fast()) throws -> Notifier {
        let store = try StateStore(path: storePath)
        let logs = self.logs
        let logger = Logger(label: "capstan.notifications") { _ in logs.handler() }
        return try Notifier(
            providers: providers, store: store, client: CurlHTTPClient(), settings: settings, logger: logger)
    }

    /// Runs `notifier` in a task, as the service group would.
    func start(_ notifier: Notifier) -> RunningNotifier {
        let runner = RunningNotifier(notifier)
        running.withLock { $0.append(runner) }
        return runner
    }
}

/// A notifier running in its own task; `stop` cancels it and waits, bounded, for `run` to return.
final class RunningNotifier: Sendable {
    private final class Flag: Sendable {
        let value = Atomic(false)
    }

    let notifier: Notifier
    private let task: Task<Void, Never>
    private let finished = Flag()

    init(_ notifier: Notifier) {
        self.notifier = notifier
        let finished = self.finished
        task = Task {
            await notifier.run()
            finished.value.store(true, ordering: .sequentiallyConsistent)
        }
    }

    /// True once `run` returned.
    var hasFinished: Bool { finished.value.load(ordering: .sequentiallyConsistent) }

    /// Cancels the run; true when it returned within `limit`.
    @discardableResult
    func stop(within limit: Duration = .seconds(30)) async -> Bool {
        task.cancel()
        return await eventually(within: limit) { hasFinished }
    }
}
