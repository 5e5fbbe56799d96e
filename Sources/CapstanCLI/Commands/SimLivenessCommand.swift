import ArgumentParser
import CapstanModel

/// `capstan sim liveness fail|ok NS/POD [--container C]`: the container's livenessProbe fails (the kubelet kills
/// and restarts it after `failureThreshold` probes) or passes again.
struct SimLivenessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness", abstract: "Make a pod's liveness probes fail (restarts follow) or pass again.")

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case fail, ok
    }

    @OptionGroup var options: ClientOptions
    @Argument(help: "fail or ok.") var action: Action
    @Argument(help: "The pod, as NAMESPACE/NAME.") var pod: String
    @Option(name: [.short, .long], help: "The container (default: every container with a livenessProbe).")
    var container: String?

    func validate() throws {
        _ = try ObjectArgument.parse(pod, what: "pod")
        if let container, !KubernetesName.isDNS1123Label(container) {
            throw ValidationError("invalid container name \"\(container)\"")
        }
    }

    func run() async throws {
        let target = try ObjectArgument.parse(pod, what: "pod")
        let json: Value? = container.map { ["container": .string($0)] }
        let body = try await options.client.post(
            "/api/v1/sim/pods/\(target.path)/liveness/\(action.rawValue)", json: json)
        try SimulationOutput.print(body, format: options.output)
    }
}
