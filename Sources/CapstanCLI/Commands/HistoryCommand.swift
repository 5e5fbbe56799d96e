import ArgumentParser
import CapstanModel
import Foundation

/// `capstan history NAME`: every sync with its commit, author, trigger, change set and rollout outcome.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show an app's sync history.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String
    @Option(help: "How many entries, newest first.") var limit = 20

    func run() async throws {
        let client = options.client
        let body = try await client.get("/api/v1/apps/\(name)/history?limit=\(limit)")
        if try Printer.printStructured(body, format: options.output) { return }
        struct List: Decodable { var items: [SyncRecord] }
        let records = try client.decode(List.self, body).items
        if records.isEmpty { print("no syncs yet") }
        for record in records {
            let revision = record.revision?.shortID ?? "-------"
            var header =
                "#\(record.id)  \(revision)  \(CapstanJSON.formatTimestamp(record.startedAt))  "
                + "\(record.trigger.rawValue)  \(record.result.rawValue)"
            if let rollout = record.rollout, let seconds = record.rolloutSeconds {
                header += "  rollout \(rollout.rawValue) after \(SecondsText.format(seconds))"
            } else if let health = record.health {
                header += "  \(health.rawValue)"
            }
            print(header)
            if let revision = record.revision {
                print("    \(revision.author) <\(revision.authorEmail)>: \(revision.subject)")
            }
            if record.result == .failed {
                for line in record.message.split(separator: "\n") { print("    error: \(line)") }
            }
            for entry in record.changeSet.entries where entry.action != .unchanged {
                print(
                    "    \(entry.action.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(entry.subject)")
            }
            let unchanged = record.changeSet.entries.filter { $0.action == .unchanged }.count
            if unchanged > 0 { print("    unchanged  \(unchanged) resource\(unchanged == 1 ? "" : "s")") }
            if record.result == .succeeded {
                // After the summary line: the resources the backend does not run (`unsupported Kind/ns/name: why`).
                for line in record.message.split(separator: "\n").dropFirst() { print("    \(line)") }
            }
        }
    }
}
