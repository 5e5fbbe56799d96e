import ArgumentParser
import CapstanModel
import Foundation

/// `capstan get KIND [-n NS | -A] [-o wide|json|yaml]`: live objects, kubectl style.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "List live objects of one kind (pods, deployments, services, …).")
    @OptionGroup var options: ClientOptions
    @Argument(
        help: "The kind: pods, deployments, replicasets, services, configmaps, secrets, namespaces, nodes, events, …")
    var kind: String
    @Option(name: [.short, .long], help: "The namespace (default: default).") var namespace: String = "default"
    @Flag(name: [.customShort("A"), .long], help: "All namespaces.") var allNamespaces = false
    @Option(help: "The backend (default: simulated).") var backend: String?

    func run() async throws {
        var query = allNamespaces ? "" : "?namespace=\(namespace)"
        if let backend { query += (query.isEmpty ? "?" : "&") + "backend=\(backend)" }
        let client = options.client
        let body = try await client.get("/api/v1/cluster/\(kind)\(query)")
        if try Printer.printStructured(body, format: options.output) { return }
        let list: Value
        do { list = try JSONParser.parse(body) } catch { throw CLIError("unexpected response: \(error)") }
        let items = (list["items"]?.arrayValue ?? []).map(Resource.init)
        let now = list[path: ["metadata", "clusterTime"]]?.stringValue.flatMap(CapstanJSON.parseTimestamp) ?? Date()
        if items.isEmpty {
            print(allNamespaces ? "No resources found" : "No resources found in \(namespace) namespace.")
            return
        }
        let columns = ResourceColumns.for(kind: items[0].kind, wide: options.output == .wide)
        var table = TableWriter((allNamespaces ? ["NAMESPACE"] : []) + columns.headers)
        for item in items {
            table.add((allNamespaces ? [item.namespace] : []) + columns.cells(item, now))
        }
        print(table.render())
    }
}
