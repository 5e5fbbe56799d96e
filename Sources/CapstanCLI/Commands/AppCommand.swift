import ArgumentParser
import CapstanModel

/// `capstan app NAME`: one app in detail.
struct AppCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "app", abstract: "Show one app.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The app's name.") var name: String

    func run() async throws {
        let client = options.client
        let body = try await client.get("/api/v1/apps/\(name)")
        if try Printer.printStructured(body, format: options.output) { return }
        print(AppDetail.render(try client.decode(AppStatus.self, body)))
    }
}

/// The readable form of one app.
enum AppDetail {
    static func render(_ app: AppStatus) -> String {
        var lines: [String] = []
        lines.append("Name:       \(app.name)")
        lines.append("Source:     \(app.source.repo) (ref \(app.source.ref), path \(app.source.path))")
        var sync = "Sync:       \(app.sync.status.rawValue)"
        if let revision = app.sync.revision { sync += ", live at \(revision.prefix(7))" }
        if let attempted = app.sync.attemptedRevision, attempted != app.sync.revision {
            sync += ", last attempted \(attempted.prefix(7))"
        }
        if let reason = app.sync.reason { sync += " (\(reason))" }
        lines.append(sync)
        let health = app.health.message.isEmpty ? "" : " (\(app.health.message))"
        lines.append("Health:     \(app.health.status.rawValue)\(health)")
        if let rollout = app.rollout {
            let waves =
                rollout.waves.count > 1 ? ", waves \(rollout.waves.map(String.init).joined(separator: " "))" : ""
            lines.append(
                "Rollout:    \(rollout.revision.prefix(7)) \(rollout.state.rawValue) (\(rollout.trigger.rawValue)\(waves))"
                    + (rollout.message.map { ": \($0)" } ?? ""))
        }
        if let pin = app.pin {
            let bad = pin.badRevision.map { ", not re-applying \($0.prefix(7))" } ?? ""
            lines.append(
                "Pinned:     at \(pin.revision.prefix(7)) since \(CapstanJSON.formatTimestamp(pin.since)) "
                    + "(\(pin.reason.rawValue)\(bad)); `capstan unpin \(app.name)` follows the branch again")
        }
        if let last = app.lastSync {
            lines.append(
                "Last sync:  \(last.result.rawValue) at \(CapstanJSON.formatTimestamp(last.finishedAt)), "
                    + "revision \(last.revision.prefix(7)), trigger \(last.trigger.rawValue)")
            for line in last.message.split(separator: "\n") { lines.append("            \(line)") }
        }
        for condition in app.conditions {
            lines.append("Condition:  \(condition.type) since \(CapstanJSON.formatTimestamp(condition.since))")
            for line in condition.message.split(separator: "\n") { lines.append("            \(line)") }
        }
        lines.append("")
        var table = TableWriter(["KIND", "NAMESPACE", "NAME", "STATUS", "HEALTH", "MESSAGE"])
        for resource in app.resources {
            table.add([
                resource.kind, resource.namespace.isEmpty ? "-" : resource.namespace, resource.name,
                resource.status.rawValue, resource.health?.rawValue ?? "", resource.message ?? "",
            ])
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
