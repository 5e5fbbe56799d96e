import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanSimulator
import Foundation
import Hummingbird

/// `GET /api/v1/cluster/…`: live objects kubectl style, `?backend=NAME` choosing the backend (default simulated).
///
/// - `{kind}?namespace=NS`: a list (all namespaces without `namespace`);
/// - `{kind}/{namespace}/{name}`, or `{kind}/{name}` for cluster-scoped kinds: one object;
/// - the same followed by `/events`: the Events about that object, oldest first.
struct ClusterRoutes: Sendable {
    let runtime: CapstanRuntime

    func register(on api: RouterGroup<BasicRequestContext>) {
        api.get("/cluster/:kind") { request, context in try await list(request, context) }
        api.get("/cluster/:kind/:first") { request, context in
            try await objectOrEvents(request, context, namespace: nil, name: context.parameters.require("first"))
        }
        api.get("/cluster/:kind/:first/:second") { request, context in
            let first = try context.parameters.require("first")
            let second = try context.parameters.require("second")
            let type = try await resolvedType(request, context).type
            if !type.namespaced && second == "events" {
                return try await objectOrEvents(request, context, namespace: nil, name: first, events: true)
            }
            return try await objectOrEvents(request, context, namespace: first, name: second)
        }
        api.get("/cluster/:kind/:first/:second/events") { request, context in
            try await objectOrEvents(
                request, context, namespace: context.parameters.require("first"),
                name: context.parameters.require("second"), events: true)
        }
    }

    func list(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (backend, type) = try await resolvedType(request, context)
        let namespace = request.uri.queryParameters.get("namespace").flatMap { $0.isEmpty ? nil : $0 }
        let items: [Resource]
        do {
            items = try await backend.list(type, namespace: namespace)
        } catch {
            throw APIError(error)
        }
        return await listResponse(items.map(SecretRedaction.redact), backend)
    }

    /// One object (secrets redacted), or the Events whose involvedObject is that object.
    private func objectOrEvents(
        _ request: Request, _ context: BasicRequestContext, namespace: String?, name: String, events: Bool = false
    ) async throws -> Response {
        let (backend, type) = try await resolvedType(request, context)
        if type.namespaced && namespace == nil {
            throw APIError(
                .badRequest,
                "\(type.plural) are namespaced: ask for /api/v1/cluster/\(type.plural)/NAMESPACE/\(name)")
        }
        if !type.namespaced && namespace != nil {
            throw APIError(
                .notFound, "\(type.plural) are cluster-scoped: ask for /api/v1/cluster/\(type.plural)/NAME")
        }
        let key = ResourceKey(group: type.group, kind: type.kind, namespace: namespace ?? "", name: name)
        let object: Resource
        do {
            guard let found = try await backend.get([key])[key] else {
                let place = namespace.map { " in namespace \"\($0)\"" } ?? ""
                throw APIError(.notFound, "\(type) \"\(name)\" not found\(place)")
            }
            object = found
        } catch let error as ClusterError {
            throw APIError(error)
        }
        guard events else { return JSONText.response(SecretRedaction.redact(object).value) }
        let all: [Resource]
        do {
            all = try await backend.list(ResourceTypes.event, namespace: nil)
        } catch {
            throw APIError(error)
        }
        return await listResponse(EventSelection.about(object, in: all), backend)
    }

    private func listResponse(_ items: [Resource], _ backend: any ClusterBackend) async -> Response {
        // Ages are relative to the cluster's own clock, which for the simulation is simulated time.
        let clusterTime = await (backend as? SimulatedCluster)?.now ?? Date()
        let list: Value = [
            "apiVersion": "v1", "kind": "List",
            "metadata": ["clusterTime": .string(CapstanJSON.formatTimestamp(clusterTime))],
            "items": .array(items.map(\.value)),
        ]
        return JSONText.response(list)
    }

    private func resolvedType(
        _ request: Request, _ context: BasicRequestContext
    ) async throws -> (backend: any ClusterBackend, type: ResourceType) {
        let kindName = try context.parameters.require("kind")
        let backendName = request.uri.queryParameters.get("backend")
        guard let backend = runtime.backend(named: backendName) else {
            throw APIError(.notFound, "backend \"\(backendName ?? "simulated")\" is not configured")
        }
        guard let type = await resolve(kindName, backend) else {
            throw APIError(.notFound, "the server doesn't have a resource type \"\(kindName)\"")
        }
        return (backend, type)
    }

    /// A built-in type by any of its names, or a kind the backend stores (for custom resources).
    private func resolve(_ name: String, _ backend: any ClusterBackend) async -> ResourceType? {
        if let type = ResourceTypes.named(name) { return type }
        guard let simulated = backend as? SimulatedCluster else { return nil }
        let lowered = name.lowercased()
        for stored in await simulated.storedTypes() {
            let kind = stored.kind.lowercased()
            if lowered == kind || lowered == kind + "s" || lowered == kind + "es" {
                return ResourceType(group: stored.group, version: "v1", kind: stored.kind, plural: kind + "s")
            }
        }
        return nil
    }
}
