/// Why a listener could not be set up, which one (name, host, port), and whether retrying can help.
public struct ProxyError: Error, CustomStringConvertible, Sendable {
    /// What went wrong; a struct of static values so new kinds can be added.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Sendable {
            case bindFailed, invalidListener, shutdown
        }

        fileprivate let base: Base

        /// The address and port could not be bound (in use, not permitted, address not on this host).
        public static let bindFailed = Kind(base: .bindFailed)
        /// The listener can never work as given (bad port, empty name or host, duplicate name).
        public static let invalidListener = Kind(base: .invalidListener)
        /// The proxy was shut down; it takes no more listeners.
        public static let shutdown = Kind(base: .shutdown)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let kind: Kind
    /// The listener's name, e.g. `default/web:80` (empty for `shutdown`).
    public let listener: String
    /// The address the listener asked for.
    public let host: String
    /// The port the listener asked for.
    public let port: Int
    /// The cause, e.g. the OS error `Address already in use (errno 98)`.
    public let detail: String
    /// True when the same update can succeed later without a change, e.g. once a port is freed.
    public let isRetryable: Bool
    /// Further listeners that failed in the same update, after this one.
    public internal(set) var moreFailures: [ProxyError] = []

    init(kind: Kind, listener: String, host: String, port: Int, detail: String, isRetryable: Bool = false) {
        self.kind = kind
        self.listener = listener
        self.host = host
        self.port = port
        self.detail = detail
        self.isRetryable = isRetryable
    }

    public var description: String {
        var text: String
        switch kind {
        case .shutdown:
            text = "service proxy: shut down, no listeners can be set up"
        case .bindFailed:
            text = "service proxy: cannot listen for \(listener) on \(address): \(detail)"
        default:
            text =
                "service proxy: invalid listener \(listener.isEmpty ? "(no name)" : listener) (\(address)): \(detail)"
        }
        text += isRetryable ? " (retryable)" : " (not retryable without a change)"
        if !moreFailures.isEmpty {
            text +=
                "; also failed: "
                + moreFailures.map { "\($0.listener) on \($0.address): \($0.detail)" }
                .joined(separator: "; ")
        }
        return text
    }

    private var address: String { ProxyBackend(host: host, port: port).description }
}
