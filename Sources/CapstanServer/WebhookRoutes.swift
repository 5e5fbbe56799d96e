import CapstanCore
import CapstanModel
import CapstanWebhooks
import Hummingbird
import Logging

/// `POST /api/v1/webhooks/{github,gitlab,gitea,generic}`: push webhooks as hints. A delivery is verified
/// against the provider's secret before anything in it is parsed; a verified push of a branch asks every app
/// that watches that repository and branch to fetch and reconcile, and is answered 202 at once. Bursts merge
/// in each app's mailbox, so a flood never queues more than one extra reconcile per app.
///
/// Answers: 202 `{"accepted": true, "apps": [...]}` (with a `reason` when no app matched), 202
/// `{"accepted": false, "reason": ...}` for deliveries that need no action, and `{"code", "message"}` with
/// 400, 401, 404 (unknown or unconfigured provider), 408 or 413.
struct WebhookRoutes: Sendable {
    let runtime: CapstanRuntime
    let secrets: WebhookSecrets
    private let intake: WebhookIntake
    private let watchers: WebhookWatchers

    init(runtime: CapstanRuntime, secrets: WebhookSecrets) {
        self.runtime = runtime
        self.secrets = secrets
        self.intake = WebhookIntake(secrets: secrets)
        self.watchers = WebhookWatchers(runtime.controllers)
    }

    func register(on api: RouterGroup<BasicRequestContext>) {
        api.post("/webhooks/:provider") { request, context in try await receive(request, context) }
    }

    private func receive(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let name = try context.parameters.require("provider")
        guard let provider = WebhookProvider(rawValue: name) else {
            throw APIError(
                .notFound, "unknown webhook provider \"\(name)\" (expected github, gitlab, gitea or generic)")
        }
        if let closed = intake.endpointRejection(provider) { throw closed.apiError }
        let body = try await WebhookBody.read(request, limit: secrets.maxBodyBytes, timeout: secrets.readTimeout)
        let headers = WebhookHeaders(request.headers.map { ($0.name.rawName, $0.value) })
        var logger = context.logger
        logger[metadataKey: "webhook.provider"] = .string(provider.rawValue)
        switch intake.evaluate(provider, headers: headers, body: body) {
        case .rejected(let rejection):
            logger.notice("webhook refused", metadata: ["webhook.status": "\(rejection.status)"])
            throw rejection.apiError
        case .ignored(let reason):
            logger.debug("webhook ignored", metadata: ["webhook.reason": .string(reason)])
            return JSONText.response(["accepted": false, "reason": .string(reason)], status: .accepted)
        case .accepted(let hint):
            return await accept(hint, logger: logger)
        }
    }

    /// Asks every app that watches the pushed repository and branch for a fetch and reconcile; returns at once.
    /// An app whose loop already looked at the pushed commit is not asked again (a redelivered or repeated push
    /// would only make it fetch for nothing), and is listed under `current`.
    private func accept(_ hint: PushHint, logger: Logger) async -> Response {
        var apps: [String] = []
        var current: [String] = []
        for controller in await watchers.concerned(by: hint) {
            if let after = hint.after, await controller.reconciler.status.sync.attemptedRevision == after {
                current.append(controller.name)
                continue
            }
            await controller.request(SyncRequest(trigger: .webhook))
            apps.append(controller.name)
        }
        var answer: [String: Value] = [
            "accepted": true, "apps": .array(apps.map(Value.string)), "branch": .string(hint.branch),
        ]
        if !current.isEmpty { answer["current"] = .array(current.map(Value.string)) }
        if let after = hint.after { answer["revision"] = .string(after) }
        if let delivery = hint.deliveryID { answer["delivery"] = .string(delivery) }
        if apps.isEmpty && current.isEmpty {
            let repository = hint.repositoryURLs.first ?? ""
            answer["reason"] = .string("no app watches \(repository) at branch \(hint.branch)")
        }
        logger.info(
            "webhook accepted",
            metadata: [
                "webhook.delivery": .string(hint.deliveryID ?? ""), "webhook.branch": .string(hint.branch),
                "webhook.apps": .string(apps.joined(separator: ",")),
            ])
        return JSONText.response(.object(answer), status: .accepted)
    }
}
