import ArgumentParser
import CapstanModel

/// `capstan sim crash NS/POD [--container C]`: a container exits with an error; restarts and back-off follow.
struct SimCrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash",
        abstract: "Crash a pod's container (restart count and back-off follow; default: the first).")
    @OptionGroup var options: ClientOptions
    @OptionGroup var target: PodContainerArguments

    func run() async throws {
        let body = try await options.client.post("/api/v1/sim/pods/\(try target.podPath())/crash", json: target.body)
        try SimulationOutput.print(body, format: options.output)
    }
}
