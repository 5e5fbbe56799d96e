/// The HTTP API server.
public struct ServerConfiguration: Sendable, Hashable {
    /// Default `127.0.0.1:7070`.
    public var listen: ListenAddress

    public init(listen: ListenAddress = ListenAddress(host: "127.0.0.1", port: 7070)) {
        self.listen = listen
    }
}
