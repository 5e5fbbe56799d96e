/// Counters of one backend of one listener.
public struct ProxyBackendStats: Hashable, Sendable {
    /// The backend.
    public var backend: ProxyBackend
    /// False once an update removed it; it is listed only while its connections finish.
    public var inRotation: Bool
    /// Connections forwarded to it.
    public var connections: Int = 0
    /// Connection attempts that failed (refused, timed out); the next backend was tried.
    public var connectFailures: Int = 0
    /// Forwarded connections still open.
    public var active: Int = 0

    public init(backend: ProxyBackend, inRotation: Bool = true) {
        self.backend = backend
        self.inRotation = inRotation
    }
}
