/// Why an HTTP exchange failed, for which request, and whether trying again can help.
///
/// The URL is stored without its user-info part, so passwords never reach a message.
public struct HTTPClientError: Error, CustomStringConvertible, Sendable {
    /// What went wrong; a struct of static values so new kinds can be added.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable {
            case connectFailed, timedOut, tooLarge, invalidURL, invalidRequest, tls
            case unexpectedStatus, cancelled, shutdown, transfer
        }

        fileprivate let base: Base

        /// No connection could be made (refused, unreachable, name not resolved, missing socket).
        public static let connectFailed = Kind(base: .connectFailed)
        /// The connect or total time limit passed.
        public static let timedOut = Kind(base: .timedOut)
        /// The response body exceeded `maxResponseBytes`.
        public static let tooLarge = Kind(base: .tooLarge)
        /// The URL is malformed or not `http`/`https`.
        public static let invalidURL = Kind(base: .invalidURL)
        /// The method or a header is not valid HTTP (e.g. contains a line break).
        public static let invalidRequest = Kind(base: .invalidRequest)
        /// TLS setup or peer verification failed (certificates, keys, trust).
        public static let tls = Kind(base: .tls)
        /// A stream (or a caller via `unexpectedStatus(_:for:)`) got a non-2xx status.
        public static let unexpectedStatus = Kind(base: .unexpectedStatus)
        /// The calling task was cancelled.
        public static let cancelled = Kind(base: .cancelled)
        /// The client was shut down before the exchange finished.
        public static let shutdown = Kind(base: .shutdown)
        /// The exchange broke off after connecting (reset, protocol error, ...).
        public static let transfer = Kind(base: .transfer)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let kind: Kind
    /// The request method.
    public let method: String
    /// The request URL without user-info (`http://user:pw@host/` becomes `http://host/`).
    public let url: String
    /// The cause as reported by the system or libcurl, or the response body for `unexpectedStatus`.
    public let detail: String
    /// The HTTP status for `unexpectedStatus`, otherwise nil.
    public let status: Int?
    /// True when the same request may succeed later (connect failures, timeouts, broken
    /// connections, 408/429/5xx statuses).
    public let isRetryable: Bool

    init(kind: Kind, method: String, url: String, detail: String, status: Int? = nil, isRetryable: Bool) {
        self.kind = kind
        self.method = method
        self.url = URLRedaction.removingUserInfo(from: url)
        self.detail = detail
        self.status = status
        self.isRetryable = isRetryable
    }

    /// An `unexpectedStatus` error for a response the caller does not accept (e.g. a webhook's
    /// non-2xx); the detail is the start of the body.
    public static func unexpectedStatus(_ response: HTTPResponse, for request: HTTPRequest) -> HTTPClientError {
        HTTPClientError(
            kind: .unexpectedStatus, method: request.method, url: request.url,
            detail: bodyExcerpt(response.body), status: response.status,
            isRetryable: response.status == 408 || response.status == 429 || response.status >= 500)
    }

    public var description: String {
        let suffix = detail.isEmpty ? "" : ": \(detail)"
        switch kind.base {
        case .connectFailed: return "connect to \(url) failed\(suffix)"
        case .timedOut: return "\(method) \(url) timed out\(suffix)"
        case .tooLarge: return "\(method) \(url) response too large\(suffix)"
        case .invalidURL: return "invalid URL \(url)\(suffix)"
        case .invalidRequest: return "invalid request \(method) \(url)\(suffix)"
        case .tls: return "TLS with \(url) failed\(suffix)"
        case .unexpectedStatus: return "\(method) \(url) returned HTTP \(status ?? 0)\(suffix)"
        case .cancelled: return "\(method) \(url) was cancelled"
        case .shutdown: return "\(method) \(url) failed: the HTTP client was shut down"
        case .transfer: return "\(method) \(url) failed\(suffix)"
        }
    }

    /// The first 512 characters of a body as one trimmed line, for messages.
    static func bodyExcerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(2048), as: UTF8.self)
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let trimmed = oneLine.trimmingPrefix(while: \.isWhitespace)
        let excerpt = String(trimmed.prefix(512))
        return excerpt.count < trimmed.count || body.count > 2048 ? excerpt + "…" : excerpt
    }
}
