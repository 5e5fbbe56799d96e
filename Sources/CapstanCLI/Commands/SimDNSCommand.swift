import ArgumentParser
import CapstanModel

/// `capstan sim dns NAME [-n NS]`: what a name resolves to inside the simulation, as a pod in NS would see it.
struct SimDNSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dns", abstract: "Resolve a service name inside the simulation (web, web.shop, …).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The name: NAME, NAME.NAMESPACE, or NAME.NAMESPACE.svc.cluster.local.") var name: String
    @Option(name: [.short, .long], help: "The namespace asking (default: default).") var namespace = "default"

    func validate() throws {
        guard KubernetesName.isDNS1123Subdomain(name) else { throw ValidationError("invalid DNS name \"\(name)\"") }
        guard KubernetesName.isDNS1123Label(namespace) else {
            throw ValidationError("invalid namespace \"\(namespace)\"")
        }
    }

    func run() async throws {
        let client = options.client
        let body = try await client.get("/api/v1/sim/dns/\(name)?namespace=\(namespace)")
        if try Printer.printStructured(body, format: options.output) { return }
        let answer = try JSONParser.parse(body)
        print("\(answer["name"]?.stringValue ?? name) has address \(answer["address"]?.stringValue ?? "?")")
    }
}
