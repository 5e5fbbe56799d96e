import CapstanModel

/// A cluster refused or failed an operation on one object.
public struct ClusterError: ClassifiedError, Equatable {
    /// Why the operation failed, in Kubernetes' status reasons.
    public enum Reason: String, Sendable, Equatable {
        case invalid = "Invalid"
        case notFound = "NotFound"
        case conflict = "Conflict"
        case unsupported = "Unsupported"
        case unavailable = "ServiceUnavailable"
        case corrupt = "Corrupt"
        case internalError = "InternalError"
    }

    public var reason: Reason
    /// The object the operation was about, when there is one.
    public var key: ResourceKey?
    public var message: String

    public init(_ reason: Reason, key: ResourceKey? = nil, _ message: String) {
        self.reason = reason
        self.key = key
        self.message = message
    }

    public var isRetryable: Bool {
        switch reason {
        case .unavailable, .conflict, .internalError: return true
        case .invalid, .notFound, .unsupported, .corrupt: return false
        }
    }

    public var description: String {
        if let key { return "\(key): \(message)" }
        return message
    }
}
