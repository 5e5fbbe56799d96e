/// One endpoint a listener forwards connections to, e.g. a ready pod's `127.0.0.1:30001`.
public struct ProxyBackend: Hashable, Sendable, CustomStringConvertible {
    /// The address to connect to: an IP address or a host name.
    public var host: String
    /// The TCP port, 1...65535.
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around an IPv6 address (`[::1]:8080`).
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
