/// Counters of one listener since it was first set up, for tests and `capstan get services`.
public struct ProxyListenerStats: Sendable {
    /// The listener's name.
    public var name: String
    /// The address it listens on.
    public var host: String
    /// The port it is bound to (the system's choice when 0 was asked), nil while it could not bind.
    public var boundPort: Int?
    /// Why the last bind failed, while the listener is not bound.
    public var bindError: ProxyError?
    /// Connections accepted from clients.
    public var accepted: Int = 0
    /// Accepted connections joined to a backend.
    public var forwarded: Int = 0
    /// Accepted connections closed without a backend: none configured, or none could be reached.
    public var failed: Int = 0
    /// Forwarded connections still open.
    public var active: Int = 0
    /// The backends in rotation, in order, then removed ones that still have open connections.
    public var backends: [ProxyBackendStats] = []

    public init(name: String, host: String) {
        self.name = name
        self.host = host
    }
}
