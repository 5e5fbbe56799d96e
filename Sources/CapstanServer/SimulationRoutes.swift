import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanSimulator
import Hummingbird

/// `/api/v1/sim/…`: fault injection and load for rehearsals, served by the simulated backend only
/// (`?backend=NAME` picks another backend by name, which must also be a simulated cluster).
///
/// Every fault answers 200 with `{"action", "object" | "image", "message"}`; `requests` answers the
/// distribution `{"service", "total", "byPod"}` and `dns` answers `{"name", "address"}`.
struct SimulationRoutes: Sendable {
    let runtime: CapstanRuntime

    func register(on api: RouterGroup<BasicRequestContext>) {
        api.post("/sim/pods/:namespace/:name/kill") { request, context in try await killPod(request, context) }
        api.post("/sim/pods/:namespace/:name/crash") { request, context in try await crash(request, context) }
        api.post("/sim/pods/:namespace/:name/liveness/:action") { request, context in
            try await liveness(request, context)
        }
        api.post("/sim/nodes/:name/:action") { request, context in try await node(request, context) }
        api.post("/sim/images/:action") { request, context in try await image(request, context) }
        api.post("/sim/services/:namespace/:name/load") { request, context in try await load(request, context) }
        api.post("/sim/services/:namespace/:name/requests") { request, context in
            try await requests(request, context)
        }
        api.get("/sim/dns/:name") { request, context in try await dns(request, context) }
    }

    private func killPod(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        _ = try await RequestBody.read(request, allowed: [])
        let pod = try await existing(ResourceTypes.pod, context, in: cluster)
        do { try await cluster.killPod(pod.key) } catch { throw APIError(error) }
        return SimulationResult.object(pod.key, action: "kill-pod", message: "pod/\(pod.name) killed")
    }

    private func crash(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        let requested = try await RequestBody.read(request, allowed: ["container"]).string("container", required: false)
        let pod = try await existing(ResourceTypes.pod, context, in: cluster)
        let names = (pod.value[path: ["spec", "containers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        let container = requested ?? names.first ?? ""
        guard names.contains(container) else {
            throw APIError(
                .notFound,
                "container \"\(container)\" not found in pod \(pod.namespace)/\(pod.name) "
                    + "(containers: \(names.joined(separator: ", ")))")
        }
        do { try await cluster.crashContainer(pod: pod.key, container: container) } catch { throw APIError(error) }
        return SimulationResult.object(
            pod.key, action: "crash", message: "container \(container) of pod/\(pod.name) crashed",
            extra: ["container": .string(container)])
    }

    /// `fail` makes the liveness probe of a container (all probed containers by default) fail, `ok` pass again.
    private func liveness(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        let action = try context.parameters.require("action")
        guard action == "fail" || action == "ok" else {
            throw APIError(.notFound, "unknown liveness action \"\(action)\" (expected fail or ok)")
        }
        let container = try await RequestBody.read(request, allowed: ["container"]).string("container", required: false)
        let pod = try await existing(ResourceTypes.pod, context, in: cluster)
        do {
            try await cluster.setLivenessFailing(pod: pod.key, container: container, action == "fail")
        } catch {
            throw APIError(error)
        }
        let which = container.map { "container \($0)" } ?? "containers"
        let state = action == "fail" ? "now fail" : "pass again"
        return SimulationResult.object(
            pod.key, action: "liveness-\(action)",
            message: "liveness probes of pod/\(pod.name) (\(which)) \(state)",
            extra: container.map { ["container": .string($0)] } ?? [:])
    }

    private func node(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        _ = try await RequestBody.read(request, allowed: [])
        let action = try context.parameters.require("action")
        guard ["fail", "recover", "drain"].contains(action) else {
            throw APIError(.notFound, "unknown node action \"\(action)\" (expected fail, recover or drain)")
        }
        let node = try await existing(ResourceTypes.node, context, in: cluster)
        do {
            switch action {
            case "fail": try await cluster.failNode(node.name)
            case "recover": try await cluster.recoverNode(node.name)
            default: try await cluster.drainNode(node.name)
            }
        } catch {
            throw APIError(error)
        }
        let done = ["fail": "failed", "recover": "recovered", "drain": "drained"][action] ?? action
        return SimulationResult.object(node.key, action: "node-\(action)", message: "node/\(node.name) \(done)")
    }

    private func image(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        let action = try context.parameters.require("action")
        guard action == "fail" || action == "ok" else {
            throw APIError(.notFound, "unknown image action \"\(action)\" (expected fail or ok)")
        }
        let body = try await RequestBody.read(request, allowed: ["image"])
        let image = try body.string("image", required: true) ?? ""
        await cluster.setImagePullable(image, action == "ok")
        let message = action == "ok" ? "pulls of \(image) now succeed" : "pulls of \(image) now fail"
        return SimulationResult.image(image, action: "image-\(action)", message: message)
    }

    private func load(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        let body = try await RequestBody.read(request, allowed: ["cpu"])
        let cpu = try body.number("cpu", in: 0...1000)
        let service = try await existing(ResourceTypes.service, context, in: cluster)
        do { try await cluster.setLoad(service: service.key, cpuPercent: cpu) } catch { throw APIError(error) }
        let percent = cpu == cpu.rounded() ? String(Int(cpu)) : String(cpu)
        return SimulationResult.object(
            service.key, action: "load", message: "service/\(service.name): pods at \(percent)% CPU",
            extra: ["cpu": cpu == cpu.rounded() ? .int(Int(cpu)) : .double(cpu)])
    }

    private func requests(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        let body = try await RequestBody.read(request, allowed: ["count"])
        let count = try body.integer("count", in: 1...1_000_000)
        let service = try await existing(ResourceTypes.service, context, in: cluster)
        let distribution: RequestDistribution
        do {
            distribution = try await cluster.sendRequests(service: service.key, count: count)
        } catch {
            throw APIError(error)
        }
        return JSONText.response([
            "service": .string(distribution.service), "total": .int(distribution.total),
            "byPod": .object(distribution.byPod.mapValues(Value.int)),
        ])
    }

    private func dns(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let cluster = try simulatedCluster(request)
        let name = try context.parameters.require("name")
        let namespace = request.uri.queryParameters.get("namespace").flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        guard let address = await cluster.resolve(dnsName: name, from: namespace) else {
            throw APIError(.notFound, "no Service answers to \"\(name)\" from namespace \"\(namespace)\"")
        }
        return JSONText.response(["name": .string(name), "address": .string(address)])
    }

    /// The simulated cluster the request is about, or 404 / 400 when the backend is missing or not simulated.
    private func simulatedCluster(_ request: Request) throws -> SimulatedCluster {
        let name = request.uri.queryParameters.get("backend").flatMap { $0.isEmpty ? nil : $0 }
        guard let backend = runtime.backend(named: name) else {
            throw APIError(.notFound, "backend \"\(name ?? "simulated")\" is not configured")
        }
        guard let cluster = backend as? SimulatedCluster else {
            throw APIError(
                .badRequest, "fault injection needs the simulated backend (\"\(backend.name)\" is not simulated)")
        }
        return cluster
    }

    /// The object named by the path (`:namespace` and `:name`, or `:name` alone for cluster-scoped types).
    private func existing(
        _ type: ResourceType, _ context: BasicRequestContext, in cluster: SimulatedCluster
    ) async throws -> Resource {
        let name = try context.parameters.require("name")
        let namespace = try type.namespaced ? context.parameters.require("namespace") : ""
        let key = ResourceKey(group: type.group, kind: type.kind, namespace: namespace, name: name)
        let found: Resource?
        do { found = try await cluster.get([key])[key] } catch { throw APIError(error) }
        guard let found else {
            let place = namespace.isEmpty ? "" : " in namespace \"\(namespace)\""
            throw APIError(.notFound, "\(type) \"\(name)\" not found\(place)")
        }
        return found
    }
}
