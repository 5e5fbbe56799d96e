import ArgumentParser
import Foundation

/// Where the server is and how to print what it says.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: "The Capstan server URL (default: $CAPSTAN_SERVER or http://127.0.0.1:7070).")
    var server: String?

    @Option(name: [.short, .long], help: "Output format: table (default), wide, json or yaml.")
    var output: OutputFormat = .table

    /// The server URL without a trailing slash.
    var serverURL: String {
        let url = server ?? ProcessInfo.processInfo.environment["CAPSTAN_SERVER"] ?? "http://127.0.0.1:7070"
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    var client: APIClient { APIClient(baseURL: serverURL) }
}

/// How a client command prints.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, wide, json, yaml
}
