import ArgumentParser
import CapstanModel
import Foundation

/// `capstan rollback APP [--to REVISION] [--pin] [--wait]`: deploys an earlier revision through git (a commit
/// on the watched branch restoring the app's path, pushed; the loop deploys it), or with `--pin` by holding the
/// app at that revision until `capstan unpin`.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Roll an app back to an earlier revision (a commit in git, or --pin).",
        discussion: """
            Without --to, the target is the newest revision whose rollout was Healthy before the current one. \
            Capstan commits that revision's tree under the app's path on the watched branch (committer from \
            git.committer in the config) and pushes it, so git stays the source of truth. For repositories \
            Capstan cannot push to, --pin deploys the revision and suspends auto-sync (sync status OutOfSync, \
            reason Pinned) until `capstan unpin APP`.
            """)
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String
    @Option(help: "The revision to go back to: a full commit id, or a prefix of one in the app's history.")
    var to: String?
    @Flag(help: "Deploy the revision without a commit and hold the app there until `capstan unpin`.") var pin = false
    @Flag(help: "Follow the rollout until Healthy (exit 0), Degraded or timed out (exit 1).") var wait = false
    @Option(help: "How long --wait waits, e.g. 90s or 5m.") var timeout: String = "5m"

    func validate() throws {
        if let to, to.count < 4 || to.count > 40 || !to.allSatisfy(\.isHexDigit) {
            throw ValidationError("--to: \"\(to)\" is not a commit id (4 to 40 hex digits)")
        }
        guard DurationParser.parse(timeout) != nil else {
            throw ValidationError("--timeout: invalid duration \"\(timeout)\" (use e.g. 30s, 5m)")
        }
    }

    func run() async throws {
        let client = options.client
        var json: [String: Value] = ["pin": .bool(pin)]
        if let to { json["to"] = .string(to) }
        let body = try await client.post("/api/v1/apps/\(name)/rollback", json: .object(json))
        if !wait, try Printer.printStructured(body, format: options.output) { return }
        let app = try client.decode(AppStatus.self, body)
        let revision = app.sync.revision.map { String($0.prefix(7)) } ?? "-"
        print(pin ? "\(name) pinned to \(revision)" : "\(name) rolled back: deployed \(revision)")
        if let last = app.lastSync, last.result == .failed {
            print(last.message)
            throw ExitCode.failure
        }
        guard wait, let limit = DurationParser.parse(timeout) else { return }
        try await RolloutWait(client: client, name: name, limit: limit).follow(from: app)
    }
}
