import ArgumentParser
import CapstanModel

/// `capstan sim crash NS/POD [--container C]`: a container exits with an error; restarts and back-off follow.
struct SimCrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crash", abstract: "Crash a pod's container (restart count and back-off follow).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The pod, as NAMESPACE/NAME.") var pod: String
    @Option(name: [.short, .long], help: "The container (default: the pod's first).") var container: String?

    func validate() throws {
        _ = try ObjectArgument.parse(pod, what: "pod")
        if let container, !KubernetesName.isDNS1123Label(container) {
            throw ValidationError("invalid container name \"\(container)\"")
        }
    }

    func run() async throws {
        let target = try ObjectArgument.parse(pod, what: "pod")
        let json: Value? = container.map { ["container": .string($0)] }
        let body = try await options.client.post("/api/v1/sim/pods/\(target.path)/crash", json: json)
        try SimulationOutput.print(body, format: options.output)
    }
}
