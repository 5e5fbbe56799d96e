/// Why a delivery is refused, as an HTTP status and a message for the sender; never contains a secret.
public struct WebhookRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status: 400, 401, 404, 408 or 413.
    public var status: Int
    public var message: String

    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { "\(status): \(message)" }

    /// 400: the payload is not what the provider sends (the sender must fix it; retrying does not help).
    public static func badRequest(_ message: String) -> WebhookRejection {
        WebhookRejection(status: 400, message: message)
    }

    /// 401: the signature is missing, malformed or wrong.
    public static func unauthorized(_ message: String) -> WebhookRejection {
        WebhookRejection(status: 401, message: message)
    }

    /// 404: the provider has no secret, so its endpoint is closed.
    public static func notConfigured(_ provider: WebhookProvider) -> WebhookRejection {
        WebhookRejection(status: 404, message: "webhook provider \(provider.rawValue) is not configured")
    }

    /// 408: the body did not arrive within the read timeout.
    public static func timedOut(_ timeout: Duration) -> WebhookRejection {
        WebhookRejection(status: 408, message: "the request body did not arrive within \(timeout)")
    }

    /// 413: the body is larger than the limit.
    public static func tooLarge(limit: Int) -> WebhookRejection {
        WebhookRejection(status: 413, message: "the request body is larger than \(limit) bytes")
    }
}
