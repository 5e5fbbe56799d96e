/// A TCP listener the proxy should have, and the backends its connections go to.
///
/// One listener per Service port, named after it (`default/web:80`). Port 0 asks the system for a free
/// port; `ServiceProxy.boundPort(of:)` tells which one it got.
public struct ProxyListener: Hashable, Sendable {
    /// Unique among the listeners of one `update`; names the listener in errors and stats.
    public var name: String
    /// The address to listen on; only this address, never all interfaces unless asked (`0.0.0.0`).
    public var host: String
    /// The port to listen on, 0...65535 (0: any free port).
    public var port: Int
    /// Where connections go, round robin; none means each connection is accepted and closed at once.
    public var backends: [ProxyBackend]

    public init(name: String, host: String = "127.0.0.1", port: Int, backends: [ProxyBackend]) {
        self.name = name
        self.host = host
        self.port = port
        self.backends = backends
    }

    /// `host:port`, with brackets around an IPv6 address.
    var address: String {
        ProxyBackend(host: host, port: port).description
    }
}
