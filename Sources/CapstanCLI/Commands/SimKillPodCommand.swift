import ArgumentParser

/// `capstan sim kill-pod NS/POD`: the pod disappears at once; its owner replaces it.
struct SimKillPodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill-pod", abstract: "Kill a pod at once (its owner replaces it).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The pod, as NAMESPACE/NAME.") var pod: String

    func validate() throws { _ = try ObjectArgument.parse(pod, what: "pod") }

    func run() async throws {
        let target = try ObjectArgument.parse(pod, what: "pod")
        let body = try await options.client.post("/api/v1/sim/pods/\(target.path)/kill")
        try SimulationOutput.print(body, format: options.output)
    }
}
