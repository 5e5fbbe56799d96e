import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanSimulator
import Foundation
import Hummingbird

/// `GET /api/v1/cluster/{kind}?namespace=NS&backend=NAME`: live objects as a kubectl-style list.
struct ClusterRoutes: Sendable {
    let runtime: CapstanRuntime

    func list(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let kindName = try context.parameters.require("kind")
        let query = request.uri.queryParameters
        let backendName = query.get("backend")
        guard let backend = runtime.backend(named: backendName) else {
            throw APIError(.notFound, "backend \"\(backendName ?? "simulated")\" is not configured")
        }
        guard let type = await resolve(kindName, backend) else {
            throw APIError(.notFound, "the server doesn't have a resource type \"\(kindName)\"")
        }
        let namespace = query.get("namespace").flatMap { $0.isEmpty ? nil : $0 }
        let items: [Resource]
        do {
            items = try await backend.list(type, namespace: namespace)
        } catch {
            throw APIError(.serviceUnavailable, error.description)
        }
        // Ages are relative to the cluster's own clock, which for the simulation is simulated time.
        let clusterTime = await (backend as? SimulatedCluster)?.now ?? Date()
        let list: Value = [
            "apiVersion": "v1", "kind": "List",
            "metadata": ["clusterTime": .string(CapstanJSON.formatTimestamp(clusterTime))],
            "items": .array(items.map { SecretRedaction.redact($0).value }),
        ]
        return JSONText.response(list)
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
