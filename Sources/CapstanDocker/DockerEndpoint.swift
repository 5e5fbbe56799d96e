/// Where a daemon listens: `unix:///var/run/docker.sock` or `tcp://host:port` (HTTPS with TLS files).
public struct DockerEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The URL requests are sent to, without the API version (`http://localhost` for a socket).
    public let baseURL: String
    /// The unix-domain socket to connect to, or nil for TCP.
    public let unixSocketPath: String?
    /// The client certificate and trust for TLS, or nil for plain HTTP.
    public let tls: DockerTLSFiles?
    /// The endpoint as configured.
    public let description: String

    /// Parses `unix:///path` or `tcp://host[:port]` (port 2375, or 2376 with TLS, when absent).
    public init(_ text: String, tls: DockerTLSFiles? = nil) throws(DockerError) {
        func invalid(_ reason: String) -> DockerError {
            DockerError(
                kind: .invalidEndpoint, what: "use Docker endpoint \(text)", message: reason, isRetryable: false)
        }
        description = text
        self.tls = tls
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/") else { throw invalid("the socket path must be absolute (unix:///path)") }
            guard tls == nil else { throw invalid("TLS applies to tcp:// endpoints only") }
            unixSocketPath = path
            baseURL = "http://localhost"
        } else if text.hasPrefix("tcp://") {
            var authority = Substring(text.dropFirst("tcp://".count))
            if authority.hasSuffix("/") { authority.removeLast() }
            guard !authority.isEmpty, !authority.contains("/"), !authority.contains("@") else {
                throw invalid("expected tcp://host:port")
            }
            let hostEnd = authority.lastIndex(of: "]") ?? authority.startIndex
            let hasPort = authority[hostEnd...].contains(":")
            let port = hasPort ? "" : (tls == nil ? ":2375" : ":2376")
            unixSocketPath = nil
            baseURL = (tls == nil ? "http://" : "https://") + authority + port
        } else {
            throw invalid("expected unix:///path/docker.sock or tcp://host:port")
        }
    }
}
