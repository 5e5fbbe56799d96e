import CapstanDocker
import Foundation
import Synchronization

/// When the daemon created and started the containers of one label, from its own event stream (`GET /events`,
/// timestamps of the daemon, which runs on this machine): a passive record that adds no calls while it runs.
final class DaemonEventLog: Sendable {
    private let times = Mutex<[String: [Date]]>([:])
    private let follower = Mutex<Task<Void, Never>?>(nil)

    /// Follows container events carrying `labels` from now on (the daemon replays any that happen before the
    /// stream is connected) until `stop()`.
    static func follow(_ engine: DockerEngine, labels: [String: String?]) -> DaemonEventLog {
        let log = DaemonEventLog()
        let since = Date()
        let task = Task { [log] in
            let stream = engine.events(labels: labels, types: ["container"], since: since)
            do {
                for try await event in stream {
                    log.times.withLock { $0[event.action, default: []].append(event.time) }
                }
            } catch {}
        }
        log.follower.withLock { $0 = task }
        return log
    }

    func stop() {
        follower.withLock { $0?.cancel() }
    }

    /// The times of every event of `action` (`create`, `start`, …), oldest first.
    func times(of action: String) -> [Date] {
        times.withLock { ($0[action] ?? []).sorted() }
    }
}
