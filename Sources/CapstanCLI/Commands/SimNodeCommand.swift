import ArgumentParser
import CapstanModel

/// `capstan sim node fail|recover|drain NAME`.
struct SimNodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node", abstract: "Fail, recover or drain a node.",
        discussion: """
            fail: the node goes NotReady; its pods are evicted after their toleration timeout (300 s by default) \
            and rescheduled elsewhere. recover: the node is Ready again. drain: the node is cordoned and its pods \
            evicted.
            """)

    enum Action: String, ExpressibleByArgument, CaseIterable {
        case fail, recover, drain
    }

    @OptionGroup var options: ClientOptions
    @Argument(help: "What happens to the node: fail, recover or drain.") var action: Action
    @Argument(help: "The node's name.") var name: String

    func validate() throws {
        guard KubernetesName.isDNS1123Subdomain(name) else { throw ValidationError("invalid node name \"\(name)\"") }
    }

    func run() async throws {
        let body = try await options.client.post("/api/v1/sim/nodes/\(name)/\(action.rawValue)")
        try SimulationOutput.print(body, format: options.output)
    }
}
