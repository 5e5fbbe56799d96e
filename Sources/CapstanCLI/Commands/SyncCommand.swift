import ArgumentParser
import CapstanModel
import Foundation

/// `capstan sync NAME [--wait] [--timeout 5m]`: sync now, optionally following the rollout.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Sync an app now (fetch git, apply, prune).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String
    @Flag(help: "Follow the rollout (waves, resources ready) until Healthy (exit 0), Degraded or timed out (exit 1).")
    var wait = false
    @Option(help: "How long --wait waits, e.g. 90s or 5m.") var timeout: String = "5m"

    func run() async throws {
        guard let limit = DurationParser.parse(timeout) else {
            throw ValidationError("--timeout: invalid duration \"\(timeout)\" (use e.g. 30s, 5m)")
        }
        let client = options.client
        let body = try await client.post("/api/v1/apps/\(name)/sync")
        let app = try client.decode(AppStatus.self, body)
        if !wait, try Printer.printStructured(body, format: options.output) { return }
        print(Self.describe(app))
        if let last = app.lastSync, last.result == .failed { throw ExitCode.failure }
        guard wait else { return }

        try await RolloutWait(client: client, name: name, limit: limit).follow(from: app)
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
