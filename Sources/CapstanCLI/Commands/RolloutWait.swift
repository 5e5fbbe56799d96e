import ArgumentParser
import CapstanModel
import Foundation

/// Follows an app's rollout after a sync or rollback: prints a line whenever the progress changes (wave,
/// resources ready/total) and ends when the rollout is Healthy; fails when it is Degraded or time runs out.
struct RolloutWait {
    let client: APIClient
    let name: String
    let limit: Duration

    func follow(from start: AppStatus) async throws {
        let revision = start.sync.revision
        let deadline = ContinuousClock.now + limit
        var app = start
        var lastLine = ""
        while true {
            let rollout = app.rollout.flatMap { $0.revision == revision ? $0 : nil }
            let state = rollout?.state ?? Self.state(of: app.health.status)
            switch state {
            case .healthy:
                let took = rollout?.message.map { " (\($0))" } ?? ""
                print("\(name) is Healthy at \(revision.map { String($0.prefix(7)) } ?? "-")\(took)")
                return
            case .degraded:
                print("\(name) is Degraded: \(rollout?.message ?? app.health.message)")
                throw ExitCode.failure
            case .progressing:
                let line = Self.progressLine(app, rollout)
                if line != lastLine { print(line) }
                lastLine = line
            }
            guard ContinuousClock.now < deadline else {
                print("timed out after \(limit.formatted) waiting for \(name) to become Healthy")
                throw ExitCode.failure
            }
            try await Task.sleep(for: .milliseconds(250))
            app = try client.decode(AppStatus.self, try await client.get("/api/v1/apps/\(name)"))
        }
    }

    /// `Progressing: wave 1 (2/3): 3/5 ready` (the rollout's own message), or resource counts when there is no
    /// rollout to follow (resources the backend does not run are not counted).
    static func progressLine(_ app: AppStatus, _ rollout: AppRollout?) -> String {
        if let rollout, let message = rollout.message { return "Progressing: \(message)" }
        let applied = app.resources.filter { $0.status != .unsupported }
        let ready = applied.filter { $0.health == .healthy || $0.health == nil }.count
        return "\(app.health.status.rawValue): \(ready)/\(applied.count) resources ready"
            + (app.health.message.isEmpty ? "" : " (\(app.health.message))")
    }

    private static func state(of health: HealthStatus) -> RolloutState {
        switch health {
        case .healthy: return .healthy
        case .degraded: return .degraded
        default: return .progressing
        }
    }
}
