import ArgumentParser
import CapstanModel

/// `capstan sim liveness fail|ok NS/POD [--container C]`: the container's livenessProbe fails (the kubelet kills
/// and restarts it after `failureThreshold` probes) or passes again.
struct SimLivenessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liveness",
        abstract: "Make a pod's liveness probes fail (restarts follow) or pass again (default: every probed container)."
    )

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case fail, ok
    }

    @OptionGroup var options: ClientOptions
    @Argument(help: "fail or ok.") var action: Action
    @OptionGroup var target: PodContainerArguments

    func run() async throws {
        let path = "/api/v1/sim/pods/\(try target.podPath())/liveness/\(action.rawValue)"
        let body = try await options.client.post(path, json: target.body)
        try SimulationOutput.print(body, format: options.output)
    }
}
