/// One HTTP request: what to send and how long to wait for it.
public struct HTTPRequest: Sendable {
    /// The method, e.g. `GET`, `POST`, `HEAD`; sent as written.
    public var method: String
    /// The absolute `http://` or `https://` URL. With a unix-socket client the host is
    /// only sent in the `Host` header (use `http://localhost/...`).
    public var url: String
    /// Extra header fields, sent in order after libcurl's own (`Host`, `User-Agent`, `Accept`).
    public var headers: [HTTPHeader]
    /// The body; sent with a `Content-Length`. `POST`, `PUT` and `PATCH` without a body send
    /// `Content-Length: 0`.
    public var body: [UInt8]?
    /// Limit for the whole exchange; nil uses the client's default for `send` and no limit for
    /// `stream`. `.zero` means no limit.
    public var timeout: Duration?
    /// Limit for establishing the connection; nil uses the client's default.
    public var connectTimeout: Duration?

    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8]? = nil,
        timeout: Duration? = nil,
        connectTimeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }

    /// The value of the first header called `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.value(named: name)
    }
}
