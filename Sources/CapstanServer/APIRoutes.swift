import CapstanCluster
import CapstanCore
import CapstanModel
import CapstanNotifications
import CapstanSecrets
import CapstanWebhooks
import Hummingbird

/// Capstan's REST API, under `/api/v1`.
struct APIRoutes: Sendable {
    let runtime: CapstanRuntime
    let notifier: Notifier
    var webhooks = WebhookSecrets()
    var sealingCertificate: SealingPublicKey?

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ -> Response in JSONText.response(Value.object(["status": "ok"])) }
        let api = router.group("/api/v1")
        api.get("/apps") { _, _ in try await listApps() }
        api.get("/apps/:name") { _, context in try await app(context) }
        api.post("/apps/:name/sync") { _, context in try await sync(context) }
        api.get("/apps/:name/history") { request, context in try await history(request, context) }
        api.get("/apps/:name/diff") { request, context in try await diff(request, context) }
        api.get("/notifications") { _, _ in try await notifications() }
        api.get("/sealing/cert") { _, _ in try sealingCert() }
        RollbackRoutes(runtime: runtime).register(on: api)
        ClusterRoutes(runtime: runtime).register(on: api)
        SimulationRoutes(runtime: runtime).register(on: api)
        WebhookRoutes(runtime: runtime, secrets: webhooks).register(on: api)
    }

    private func listApps() async throws -> Response {
        var items: [AppStatus] = []
        for controller in runtime.controllers { items.append(await controller.reconciler.status) }
        return try JSONText.response(AppList(items: items))
    }

    private func app(_ context: BasicRequestContext) async throws -> Response {
        try JSONText.response(await controller(context).reconciler.status)
    }

    private func sync(_ context: BasicRequestContext) async throws -> Response {
        let status = await (try controller(context)).syncNow()
        return try JSONText.response(status)
    }

    /// Per provider: type, redacted URL, and how many deliveries are pending, delivered and dead.
    private func notifications() async throws -> Response {
        try JSONText.response(NotificationList(items: try await notifier.providerStatuses()))
    }

    /// The public sealing key `capstan seal` encrypts to: `{"keyID", "pem"}`.
    private func sealingCert() throws -> Response {
        guard let certificate = sealingCertificate else {
            throw APIError(.notFound, "this service has no sealing key: add one to its key file (docs/secrets.md)")
        }
        return JSONText.response(["keyID": .string(certificate.keyID), "pem": .string(certificate.pem)])
    }

    private func history(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let controller = try controller(context)
        let limitText = request.uri.queryParameters.get("limit") ?? "100"
        guard let limit = Int(limitText), (1...10_000).contains(limit) else {
            throw APIError(.badRequest, "limit must be a number from 1 to 10000, got \"\(limitText)\"")
        }
        let records = try await runtime.store.history(app: controller.name, limit: limit)
        return try JSONText.response(HistoryList(items: records))
    }

    /// What a sync would change now (`?fetch=false`: compare with the commit last fetched).
    private func diff(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let controller = try controller(context)
        let fetchText = request.uri.queryParameters.get("fetch") ?? "true"
        guard let fetch = Bool(fetchText) else {
            throw APIError(.badRequest, "fetch must be true or false, got \"\(fetchText)\"")
        }
        do {
            return try JSONText.response(try await controller.diff(fetch: fetch))
        } catch let error as DiffError {
            throw APIError(error.isRetryable ? .serviceUnavailable : .unprocessableContent, error.message)
        }
    }

    private func controller(_ context: BasicRequestContext) throws -> AppController {
        let name = try context.parameters.require("name")
        guard let controller = runtime.controller(named: name) else {
            throw APIError(.notFound, "app \"\(name)\" not found")
        }
        return controller
    }
}

struct AppList: Encodable { var items: [AppStatus] }
struct HistoryList: Encodable { var items: [SyncRecord] }
struct NotificationList: Encodable { var items: [NotificationProviderStatus] }
