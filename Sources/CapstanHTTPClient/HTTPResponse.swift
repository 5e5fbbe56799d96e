/// A complete HTTP response. Every status code is a response, not an error.
public struct HTTPResponse: Sendable {
    /// The status code of the final response (interim `1xx` responses are skipped).
    public var status: Int
    /// The header fields of the final response, in the order received.
    public var headers: [HTTPHeader]
    /// The body, at most the client's `maxResponseBytes`.
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header called `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.value(named: name)
    }

    /// The body decoded as UTF-8, invalid sequences replaced.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// True for a `2xx` status.
    public var isSuccess: Bool {
        (200..<300).contains(status)
    }
}
