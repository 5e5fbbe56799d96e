import ArgumentParser
import CapstanCluster
import CapstanModel
import Foundation

/// `capstan describe KIND NS/NAME` (or `KIND NAME [-n NS]`, or `KIND NAME` for cluster-scoped kinds):
/// one object in detail with its Events, kubectl style.
struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Show one live object in detail, with its events.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The kind: pod, deployment, service, node, statefulset, pvc, pv, hpa, … (short names work).")
    var kind: String
    @Argument(help: "The object: NAMESPACE/NAME, or NAME (with -n, or for cluster-scoped kinds such as nodes).")
    var target: String
    @Option(name: [.short, .long], help: "The namespace (default: default).") var namespace: String?
    @Option(help: "The backend (default: simulated).") var backend: String?

    func validate() throws { _ = try reference() }

    func run() async throws {
        let path = try reference()
        let client = options.client
        let backendQuery = backend.map { "backend=\($0)" }
        let objectBody = try await client.get("/api/v1/cluster/\(path)" + (backendQuery.map { "?\($0)" } ?? ""))
        if try Printer.printStructured(objectBody, format: options.output) { return }
        let object = Resource(try parse(objectBody))
        let eventsBody = try await client.get("/api/v1/cluster/\(path)/events" + (backendQuery.map { "?\($0)" } ?? ""))
        let eventList = try parse(eventsBody)
        var context = DescribeContext(
            object: object, events: (eventList["items"]?.arrayValue ?? []).map(Resource.init),
            now: Age.timestamp(eventList[path: ["metadata", "clusterTime"]]) ?? Date())
        let list = { (kind: String, namespace: String?) async throws -> [Resource] in
            let query = ([namespace.map { "namespace=\($0)" }, backendQuery].compactMap { $0 }).joined(separator: "&")
            let body = try await client.get("/api/v1/cluster/\(kind)" + (query.isEmpty ? "" : "?\(query)"))
            return (try parse(body)["items"]?.arrayValue ?? []).map(Resource.init)
        }
        switch (object.group, object.kind) {
        case ("apps", "Deployment"): context.replicaSets = try await list("replicasets", object.namespace)
        case ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("", "PersistentVolumeClaim"):
            context.pods = try await list("pods", object.namespace)
        case ("", "Node"): context.pods = try await list("pods", nil)
        case ("", "Pod"):
            context.services = try await list("services", object.namespace)
            if object.namespace != ServiceLinkEnvironment.masterServiceNamespace {
                context.services += try await list("services", ServiceLinkEnvironment.masterServiceNamespace)
            }
        case ("", "Service"):
            // A Service without Endpoints (no selector) shows `<none>`.
            let path =
                "/api/v1/cluster/endpoints/\(object.namespace)/\(object.name)" + (backendQuery.map { "?\($0)" } ?? "")
            if let body = try? await client.get(path) { context.endpoints = Resource(try parse(body)) }
        default: break
        }
        print(Description.render(context), terminator: "")
    }

    /// The API path `kind/namespace/name`, or `kind/name` for cluster-scoped kinds.
    private func reference() throws -> String {
        let type = ResourceTypes.named(kind)
        let namespaced = type?.namespaced ?? true
        let plural = type?.plural ?? kind
        if target.contains("/") {
            guard namespaced else {
                throw ValidationError("\(plural) are cluster-scoped: name one as NAME, not \"\(target)\"")
            }
            guard namespace == nil else { throw ValidationError("use either NAMESPACE/NAME or -n NAMESPACE, not both") }
            let object = try ObjectArgument.parse(target, what: type?.kind.lowercased() ?? "object")
            return "\(plural)/\(object.path)"
        }
        guard KubernetesName.isDNS1123Subdomain(target) else {
            throw ValidationError("invalid name \"\(target)\": use lower-case letters, digits, - and .")
        }
        guard namespaced else { return "\(plural)/\(target)" }
        let namespace = self.namespace ?? "default"
        guard KubernetesName.isDNS1123Label(namespace) else {
            throw ValidationError("invalid namespace \"\(namespace)\"")
        }
        return "\(plural)/\(namespace)/\(target)"
    }

    private func parse(_ body: [UInt8]) throws -> Value {
        do { return try JSONParser.parse(body) } catch { throw CLIError("unexpected response: \(error)") }
    }
}
