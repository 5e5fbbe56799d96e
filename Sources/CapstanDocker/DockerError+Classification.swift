import CapstanHTTPClient
import CapstanModel

extension DockerError {
    /// Daemon messages of 5xx answers that will not change by retrying.
    static let permanentMarkers = [
        "pull access denied", "manifest unknown", "repository does not exist", "not found: manifest",
        "invalid reference format", "unauthorized", "authentication required", "no matching manifest",
        "invalid mount config", "invalid volume specification",
    ]

    /// The error for a daemon answer with a non-2xx `status` and a JSON `{"message": ...}` body.
    static func fromResponse(status: Int, body: [UInt8], what: String) -> DockerError {
        let message = daemonMessage(in: body)
        let kind: Kind
        let retryable: Bool
        switch status {
        case 404:
            (kind, retryable) = (.notFound, false)
        case 409:
            (kind, retryable) = (.conflict, false)
        case 408, 429:
            (kind, retryable) = (.invalidRequest, true)
        case 400..<500:
            (kind, retryable) = (.invalidRequest, false)
        case 501:
            (kind, retryable) = (.daemon, false)
        default:
            let lowered = message.lowercased()
            (kind, retryable) = (.daemon, !permanentMarkers.contains { lowered.contains($0) })
        }
        return DockerError(kind: kind, what: what, status: status, message: message, isRetryable: retryable)
    }

    /// The error for a failed exchange with the daemon (no answer, or a streamed answer with a bad status).
    static func fromTransport(_ error: HTTPClientError, what: String) -> DockerError {
        if error.kind == .unexpectedStatus, let status = error.status {
            return fromResponse(status: status, body: Array(error.detail.utf8), what: what)
        }
        let kind: Kind
        switch error.kind {
        case .connectFailed, .transfer: kind = .unavailable
        case .timedOut: kind = .timedOut
        case .cancelled, .shutdown: kind = .cancelled
        case .tls: kind = .tls
        case .invalidURL, .invalidRequest: kind = .invalidRequest
        default: kind = .invalidResponse
        }
        let message = error.detail.isEmpty ? "\(error.kind)" : error.detail
        return DockerError(kind: kind, what: what, message: message, isRetryable: error.isRetryable)
    }

    /// An answer the client could not decode.
    static func invalidResponse(_ what: String, _ reason: String) -> DockerError {
        DockerError(kind: .invalidResponse, what: what, message: reason, isRetryable: false)
    }

    /// A request the client refuses to send.
    static func invalidRequest(_ what: String, _ reason: String) -> DockerError {
        DockerError(kind: .invalidRequest, what: what, message: reason, isRetryable: false)
    }

    /// The `message` member of the daemon's JSON error body, or the body text when it is not JSON.
    static func daemonMessage(in body: [UInt8]) -> String {
        if let value = try? JSONParser.parse(body), let message = value["message"]?.stringValue {
            return message
        }
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
