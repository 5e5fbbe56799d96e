import CapstanCore
import CapstanModel
import Hummingbird

/// `POST /api/v1/apps/{name}/rollback` (`{"to": REV?, "pin": bool?}`) and `POST /api/v1/apps/{name}/unpin`;
/// both answer with the app's status after the resulting sync.
struct RollbackRoutes: Sendable {
    let runtime: CapstanRuntime

    func register(on api: RouterGroup<BasicRequestContext>) {
        api.post("/apps/:name/rollback") { request, context in try await rollback(request, context) }
        api.post("/apps/:name/unpin") { request, context in try await unpin(request, context) }
    }

    private func rollback(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let controller = try controller(context)
        let body = try await RequestBody.read(request, allowed: ["to", "pin"])
        let target = try body.string("to", required: false)
        let pin = try body.bool("pin") ?? false
        let status: AppStatus
        do {
            status = try await controller.rollback(to: target, pin: pin, restorer: runtime.restorer)
        } catch {
            throw APIError(error.isRetryable ? .serviceUnavailable : .unprocessableContent, error.message)
        }
        return try JSONText.response(status)
    }

    private func unpin(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let controller = try controller(context)
        _ = try await RequestBody.read(request, allowed: [])
        guard await controller.unpin() else {
            throw APIError(.conflict, "app \"\(controller.name)\" is not pinned")
        }
        return try JSONText.response(await controller.reconciler.status)
    }

    private func controller(_ context: BasicRequestContext) throws -> AppController {
        let name = try context.parameters.require("name")
        guard let controller = runtime.controller(named: name) else {
            throw APIError(.notFound, "app \"\(name)\" not found")
        }
        return controller
    }
}
