import ArgumentParser
import CapstanModel

/// `NS/POD [--container C]`, shared by the `sim` commands that act on one container of a pod.
struct PodContainerArguments: ParsableArguments {
    @Argument(help: "The pod, as NAMESPACE/NAME.") var pod: String
    @Option(name: [.short, .long], help: "The container (default: see the command).") var container: String?

    func validate() throws {
        _ = try ObjectArgument.parse(pod, what: "pod")
        if let container, !KubernetesName.isDNS1123Label(container) {
            throw ValidationError("invalid container name \"\(container)\"")
        }
    }

    /// The pod's API path (`NS/NAME`).
    func podPath() throws -> String { try ObjectArgument.parse(pod, what: "pod").path }

    /// `{"container": C}`, or nil when none was named.
    var body: Value? { container.map { ["container": .string($0)] } }
}
