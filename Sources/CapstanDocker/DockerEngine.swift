import CapstanHTTPClient
import CapstanModel

/// A typed client for one Docker daemon's Engine API (v1.41), over libcurl.
///
/// Calls may run in parallel: they share a pool of at most `maxConnections` kept-alive connections
/// (a streamed `/events` or exec holds one while it runs). Errors are `DockerError`s that carry the
/// daemon's message and say whether retrying helps.
public final class DockerEngine: Sendable {
    /// The API version every path starts with.
    public static let apiVersion = "v1.41"

    /// Where the daemon listens.
    public let endpoint: DockerEndpoint
    /// How long calls wait.
    public let timeouts: DockerTimeouts
    let client: CurlHTTPClient

    /// An engine for `endpoint`; no connection is made until the first call.
    public init(endpoint: DockerEndpoint, timeouts: DockerTimeouts = DockerTimeouts(), maxConnections: Int = 16) {
        self.endpoint = endpoint
        self.timeouts = timeouts
        client = CurlHTTPClient(
            configuration: HTTPClientConfiguration(
                unixSocketPath: endpoint.unixSocketPath, connectTimeout: timeouts.connect,
                timeout: timeouts.request, caFile: endpoint.tls?.caFile,
                clientCertFile: endpoint.tls?.certFile, clientKeyFile: endpoint.tls?.keyFile,
                maxConnectionsPerHost: maxConnections, userAgent: "capstan-docker"))
    }

    /// An engine for `unix:///path/docker.sock` or `tcp://host:port` (HTTPS when `tls` is given).
    public convenience init(
        _ endpoint: String, tls: DockerTLSFiles? = nil, timeouts: DockerTimeouts = DockerTimeouts(),
        maxConnections: Int = 16
    ) throws(DockerError) {
        self.init(endpoint: try DockerEndpoint(endpoint, tls: tls), timeouts: timeouts, maxConnections: maxConnections)
    }

    /// Fails running calls and streams with `cancelled` and closes the connections.
    public func shutdown() {
        client.shutdown()
    }
}
