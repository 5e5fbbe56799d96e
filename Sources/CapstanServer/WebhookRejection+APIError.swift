import CapstanWebhooks
import Hummingbird

extension WebhookRejection {
    /// The rejection as the API's JSON error.
    var apiError: APIError {
        let status: HTTPResponse.Status
        switch self.status {
        case 400: status = .badRequest
        case 401: status = .unauthorized
        case 404: status = .notFound
        case 408: status = .requestTimeout
        case 413: status = .contentTooLarge
        default: status = HTTPResponse.Status(code: self.status)
        }
        return APIError(status, message)
    }
}
