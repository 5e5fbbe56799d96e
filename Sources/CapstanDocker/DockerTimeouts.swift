/// How long the engine waits for the daemon.
public struct DockerTimeouts: Sendable, Hashable {
    /// Limit for establishing a connection.
    public var connect: Duration
    /// Limit for one ordinary call; `stop` adds its grace period, `exec` may set its own.
    public var request: Duration
    /// Limit for a whole image pull (`.zero` for none).
    public var pull: Duration

    public init(connect: Duration = .seconds(5), request: Duration = .seconds(30), pull: Duration = .seconds(900)) {
        self.connect = connect
        self.request = request
        self.pull = pull
    }
}
