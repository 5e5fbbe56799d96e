import ArgumentParser
import CapstanServer

/// `capstan serve --config FILE`: run the reconciler service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Capstan service: watch git, converge the cluster, serve the API.")
    @Option(name: .long, help: "The configuration file (YAML).") var config: String

    func run() async throws {
        try await CapstanServerApp.run(configPath: config)
    }
}
