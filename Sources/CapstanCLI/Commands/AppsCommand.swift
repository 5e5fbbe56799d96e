import ArgumentParser
import CapstanModel

/// `capstan apps`: every app with its sync status, health and live revision.
struct AppsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apps", abstract: "List apps.")
    @OptionGroup var options: ClientOptions

    func run() async throws {
        let client = options.client
        let body = try await client.get("/api/v1/apps")
        if try Printer.printStructured(body, format: options.output) { return }
        struct List: Decodable { var items: [AppStatus] }
        let apps = try client.decode(List.self, body).items
        var table = TableWriter(["NAME", "SYNC", "HEALTH", "REVISION", "MESSAGE"])
        for app in apps {
            table.add([
                app.name, app.sync.status.rawValue, app.health.status.rawValue,
                app.sync.revision.map { String($0.prefix(7)) } ?? "-", AppSummary.message(app),
            ])
        }
        print(table.render())
    }
}

/// One-line summaries of an app's state.
enum AppSummary {
    /// The first problem (an error before the `UnsupportedResources` warning), or what the last sync did.
    static func message(_ app: AppStatus) -> String {
        if let condition = app.conditions.first(where: { $0.type != "UnsupportedResources" }) ?? app.conditions.first {
            let firstLine = condition.message.split(separator: "\n").first.map(String.init) ?? ""
            return "\(condition.type): \(firstLine)"
        }
        if let last = app.lastSync { return "\(last.result.rawValue): \(last.message)" }
        return ""
    }
}
