import CapstanProxy
import NIOCore
import NIOPosix

/// A port on 127.0.0.1 where connecting hangs: a listener that never accepts, its queue filled up, so the
/// kernel drops further connection attempts until they time out.
final class StuckListener: Sendable {
    let port: Int
    private let server: any Channel
    private let fillers: [any Channel]

    private init(port: Int, server: any Channel, fillers: [any Channel]) {
        self.port = port
        self.server = server
        self.fillers = fillers
    }

    /// Binds with a backlog of 1, never accepts, and connects until connecting no longer succeeds.
    static func start() async throws -> StuckListener {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1)
            .serverChannelOption(.autoRead, value: false)
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let port = server.localAddress!.port!
        var fillers: [any Channel] = []
        for _ in 0..<8 {
            let attempt = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(300))
                .connect(host: "127.0.0.1", port: port)
            guard let channel = try? await attempt.get() else {
                return StuckListener(port: port, server: server, fillers: fillers)
            }
            fillers.append(channel)
        }
        throw TestFailure("connecting to a full listen queue still succeeds after \(fillers.count) connections")
    }

    /// This port as a backend.
    var backend: ProxyBackend { ProxyBackend(host: "127.0.0.1", port: port) }

    /// Closes the fillers and the listener.
    func close() async {
        for channel in fillers {
            try? await channel.close()
        }
        try? await server.close()
    }
}
