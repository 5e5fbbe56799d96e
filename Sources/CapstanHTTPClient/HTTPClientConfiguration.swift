/// Settings shared by every request of one `CurlHTTPClient`.
public struct HTTPClientConfiguration: Sendable {
    /// Connect to this unix-domain socket instead of the URL's host and port
    /// (`/var/run/docker.sock`-style); the URL still supplies path and `Host`.
    public var unixSocketPath: String?
    /// Default limit for establishing a connection.
    public var connectTimeout: Duration
    /// Default limit for a whole `send` exchange (not applied to `stream`).
    public var timeout: Duration
    /// PEM bundle of certificate authorities to trust instead of the system store.
    public var caFile: String?
    /// PEM client certificate for mutual TLS.
    public var clientCertFile: String?
    /// PEM private key of `clientCertFile`.
    public var clientKeyFile: String?
    /// Largest body `send` accepts; a bigger response fails with `tooLarge`.
    public var maxResponseBytes: Int
    /// Most connections kept open to one host (or socket); further requests queue for one.
    public var maxConnectionsPerHost: Int
    /// The `User-Agent` header sent unless a request sets its own.
    public var userAgent: String

    public init(
        unixSocketPath: String? = nil,
        connectTimeout: Duration = .seconds(5),
        timeout: Duration = .seconds(30),
        caFile: String? = nil,
        clientCertFile: String? = nil,
        clientKeyFile: String? = nil,
        maxResponseBytes: Int = 64 << 20,
        maxConnectionsPerHost: Int = 8,
        userAgent: String = "capstan"
    ) {
        self.unixSocketPath = unixSocketPath
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
        self.clientCertFile = clientCertFile
        self.clientKeyFile = clientKeyFile
        self.maxResponseBytes = maxResponseBytes
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.userAgent = userAgent
    }
}
