import CapstanModel

/// Why a Docker Engine API call failed, on which object, and whether trying again can help.
///
/// The message is the daemon's own (`{"message": ...}`) or the transport's; request bodies are never
/// quoted, so environment values (which may be secrets) cannot reach a log through an error.
public struct DockerError: ClassifiedError, Equatable {
    /// What went wrong; a struct of static values so new kinds can be added.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable {
            case notFound, conflict, invalidRequest, daemon, unavailable, timedOut, cancelled
            case invalidResponse, invalidEndpoint, pullFailed, tls
        }

        fileprivate let base: Base

        /// HTTP 404: no such container, image, volume or exec instance.
        public static let notFound = Kind(base: .notFound)
        /// HTTP 409: the name is taken, or the object is in the wrong state (e.g. removing a running container).
        public static let conflict = Kind(base: .conflict)
        /// Another HTTP 4xx, or a request this client refuses to send (a bad spec or argument).
        public static let invalidRequest = Kind(base: .invalidRequest)
        /// HTTP 5xx: the daemon failed.
        public static let daemon = Kind(base: .daemon)
        /// The daemon could not be reached, or the connection broke.
        public static let unavailable = Kind(base: .unavailable)
        /// The connect or request time limit passed.
        public static let timedOut = Kind(base: .timedOut)
        /// The calling task was cancelled, or the engine was shut down.
        public static let cancelled = Kind(base: .cancelled)
        /// The daemon answered with something this client cannot read.
        public static let invalidResponse = Kind(base: .invalidResponse)
        /// The endpoint (`unix://`, `tcp://`) or its TLS files are unusable.
        public static let invalidEndpoint = Kind(base: .invalidEndpoint)
        /// An image pull reported an error in its progress stream.
        public static let pullFailed = Kind(base: .pullFailed)
        /// TLS setup or verification with the daemon failed.
        public static let tls = Kind(base: .tls)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let kind: Kind
    /// The operation and its object, e.g. `create container default-web-1`.
    public let what: String
    /// The HTTP status of the daemon's answer, when there was one.
    public let status: Int?
    /// The daemon's `message`, or the transport's reason.
    public let message: String
    /// True when the same call may succeed later (connection problems, timeouts, most 5xx).
    public let isRetryable: Bool

    public init(kind: Kind, what: String, status: Int? = nil, message: String, isRetryable: Bool) {
        self.kind = kind
        self.what = what
        self.status = status
        self.message = message
        self.isRetryable = isRetryable
    }

    /// True for HTTP 404.
    public var isNotFound: Bool { kind == .notFound }
    /// True for HTTP 409.
    public var isConflict: Bool { kind == .conflict }

    public var description: String {
        let statusText = status.map { " (HTTP \($0))" } ?? ""
        let suffix = message.isEmpty ? "" : ": \(message)"
        return "docker: \(what) failed\(statusText)\(suffix)"
    }
}
