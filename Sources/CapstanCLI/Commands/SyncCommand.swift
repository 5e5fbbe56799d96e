import ArgumentParser
import CapstanModel
import Foundation

/// `capstan sync NAME [--wait] [--timeout 5m]`: sync now, optionally following the rollout.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Sync an app now (fetch git, apply, prune).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String
    @Flag(help: "Wait until the app is Healthy (exit 0) or Degraded (exit 1).") var wait = false
    @Option(help: "How long --wait waits, e.g. 90s or 5m.") var timeout: String = "5m"

    func run() async throws {
        guard let limit = DurationParser.parse(timeout) else {
            throw ValidationError("--timeout: invalid duration \"\(timeout)\" (use e.g. 30s, 5m)")
        }
        let client = options.client
        let body = try await client.post("/api/v1/apps/\(name)/sync")
        var app = try client.decode(AppStatus.self, body)
        if !wait, try Printer.printStructured(body, format: options.output) { return }
        print(Self.describe(app))
        if let last = app.lastSync, last.result == .failed { throw ExitCode.failure }
        guard wait else { return }

        let deadline = ContinuousClock.now + limit
        var lastLine = ""
        while app.health.status != .healthy {
            if app.health.status == .degraded {
                print("\(name) is Degraded: \(app.health.message)")
                throw ExitCode.failure
            }
            let ready = app.resources.filter { $0.health == .healthy || $0.health == nil }.count
            let line =
                "\(app.health.status.rawValue): \(ready)/\(app.resources.count) resources ready"
                + (app.health.message.isEmpty ? "" : " (\(app.health.message))")
            if line != lastLine { print(line) }
            lastLine = line
            guard ContinuousClock.now < deadline else {
                print("timed out after \(limit.formatted) waiting for \(name) to become Healthy")
                throw ExitCode.failure
            }
            try await Task.sleep(for: .milliseconds(500))
            app = try client.decode(AppStatus.self, try await client.get("/api/v1/apps/\(name)"))
        }
        print("\(name) is Healthy at \(app.sync.revision.map { String($0.prefix(7)) } ?? "-")")
    }

    static func describe(_ app: AppStatus) -> String {
        guard let last = app.lastSync else { return "\(app.name): \(app.sync.status.rawValue)" }
        if last.result == .failed {
            return "sync of \(app.name) failed at \(last.revision.prefix(7)):\n\(last.message)"
        }
        return
            "synced \(app.name) to \(last.revision.prefix(7)): \(last.message) (health \(app.health.status.rawValue))"
    }
}
