import CapstanHTTPClient
import CapstanModel

/// Why one delivery attempt failed, worded without the provider's URL path, query or user-info.
struct DeliveryFailure: ClassifiedError {
    /// The provider's name.
    var provider: String
    /// What happened, e.g. `POST http://127.0.0.1:9000/… returned HTTP 500: busy`.
    var reason: String
    /// The HTTP status, when the receiver answered.
    var status: Int?
    /// False when no retry can help (an invalid URL or header); such rows are marked dead at once.
    var isRetryable: Bool

    /// A non-2xx answer.
    init(provider: NotificationProvider, response: HTTPResponse) {
        let request = HTTPRequest(method: "POST", url: provider.url)
        let error = HTTPClientError.unexpectedStatus(response, for: request)
        self.init(provider: provider, error: error)
        isRetryable = true
    }

    /// A failed exchange.
    init(provider: NotificationProvider, error: HTTPClientError) {
        self.provider = provider.name
        let detail = error.detail.isEmpty ? "" : ": " + ProviderURL.scrub(error.detail, url: provider.url)
        let target = "POST \(provider.redactedURL)"
        switch error.kind {
        case .unexpectedStatus: reason = "\(target) returned HTTP \(error.status ?? 0)\(detail)"
        case .connectFailed: reason = "\(target): connect failed\(detail)"
        case .timedOut: reason = "\(target) timed out\(detail)"
        default: reason = "\(target) failed (\(error.kind))\(detail)"
        }
        status = error.status
        isRetryable = error.kind != .invalidURL && error.kind != .invalidRequest
    }

    var description: String { "notification provider \"\(provider)\": \(reason)" }
}
