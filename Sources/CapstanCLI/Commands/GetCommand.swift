import ArgumentParser
import CapstanCluster
import CapstanModel
import Foundation

/// `capstan get KIND [NAME] [-n NS | -A] [-o wide|json|yaml]`: live objects, kubectl style.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "List live objects of one kind (pods, deployments, services, …).",
        discussion: """
            Kinds: nodes (no), pods (po), deployments (deploy), replicasets (rs), statefulsets (sts), services (svc), \
            endpoints (ep), configmaps (cm), secrets, persistentvolumeclaims (pvc), persistentvolumes (pv), \
            horizontalpodautoscalers (hpa), events (ev), namespaces (ns), and any kind the cluster stores.
            """)
    @OptionGroup var options: ClientOptions
    @Argument(help: "The kind: pods, deployments, services, nodes, events, … (short names work: po, deploy, svc).")
    var kind: String
    @Argument(help: "One object's name (default: all).") var name: String?
    @Option(name: [.short, .long], help: "The namespace (default: default).") var namespace: String?
    @Flag(name: [.customShort("A"), .long], help: "All namespaces.") var allNamespaces = false
    @Option(help: "The backend (default: simulated).") var backend: String?

    func validate() throws {
        if allNamespaces && namespace != nil { throw ValidationError("use either -n NAMESPACE or -A, not both") }
        if allNamespaces && name != nil { throw ValidationError("a name cannot be combined with -A") }
    }

    func run() async throws {
        let type = ResourceTypes.named(kind)
        let namespaced = type?.namespaced ?? true
        let namespace = self.namespace ?? "default"
        var query: [String] = []
        if namespaced && !allNamespaces { query.append("namespace=\(namespace)") }
        if let backend { query.append("backend=\(backend)") }
        let suffix = query.isEmpty ? "" : "?" + query.joined(separator: "&")
        let client = options.client
        if let name, options.output == .json || options.output == .yaml {
            let path = namespaced ? "\(kind)/\(namespace)/\(name)" : "\(kind)/\(name)"
            let backendQuery = backend.map { "?backend=\($0)" } ?? ""
            _ = try Printer.printStructured(
                try await client.get("/api/v1/cluster/\(path)\(backendQuery)"), format: options.output)
            return
        }
        let body = try await client.get("/api/v1/cluster/\(kind)\(suffix)")
        if try Printer.printStructured(body, format: options.output) { return }
        let list: Value
        do { list = try JSONParser.parse(body) } catch { throw CLIError("unexpected response: \(error)") }
        var items = (list["items"]?.arrayValue ?? []).map(Resource.init)
        let now = Age.timestamp(list[path: ["metadata", "clusterTime"]]) ?? Date()
        if let name {
            items = items.filter { $0.name == name }
            guard !items.isEmpty else {
                let place = namespaced ? " in namespace \"\(namespace)\"" : ""
                throw CLIError("\(type?.description ?? kind) \"\(name)\" not found\(place)")
            }
        }
        if items.isEmpty {
            print(!namespaced || allNamespaces ? "No resources found" : "No resources found in \(namespace) namespace.")
            return
        }
        let kindName = type?.kind ?? items[0].kind
        let columns = ResourceColumns.for(kind: kindName, wide: options.output == .wide)
        let withNamespace = allNamespaces && namespaced
        var table = TableWriter((withNamespace ? ["NAMESPACE"] : []) + columns.headers)
        for item in ResourceColumns.sorted(items, kind: kindName) {
            table.add((withNamespace ? [item.namespace] : []) + columns.cells(item, now))
        }
        print(table.render())
    }
}
