import CapstanProxy
import NIOCore
import NIOPosix
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP server on 127.0.0.1 that stands in for a pod: it answers with its own name, echoes, or replies
/// after end of input, and counts the connections it got.
final class TestBackend: Sendable {
    /// What the backend does with a connection.
    enum Behaviour: Sendable {
        /// Replies `NAME\n` to each line; at end of input replies `eof NAME\n` and closes.
        case lines
        /// Sends back every byte, reading only while it can write; closes at end of input.
        case echo
        /// Reads to end of input, then replies `NAME received N\n` and `bytes` more bytes, and closes.
        case replyAfterEOF(bytes: Int)
        /// Like `replyAfterEOF(bytes: 0)`, but reads nothing until `openGate()`, with a small receive buffer.
        case gated
    }

    let name: String
    let port: Int
    private let server: any Channel
    private let tracker: ConnectionTracker
    /// After `stop()`: a socket bound to the port but not listening, so connections are refused and no other
    /// test's listener can take the port meanwhile (which would turn "down" into someone else's server).
    private let placeholder = Mutex<Int32?>(nil)
    private let placeholderFailed = Mutex(false)

    /// True when `stop()` could hold the port (tests that need a refused port check it).
    var holdsPort: Bool { placeholder.withLock { $0 != nil } }

    deinit { placeholder.withLock { fd in if let fd { Glibc.close(fd) } } }

    private init(name: String, port: Int, server: any Channel, tracker: ConnectionTracker) {
        self.name = name
        self.port = port
        self.server = server
        self.tracker = tracker
    }

    /// Starts a backend on an ephemeral port of 127.0.0.1 (or `port`).
    static func start(_ name: String, _ behaviour: Behaviour = .lines, port: Int = 0) async throws -> TestBackend {
        let tracker = ConnectionTracker()
        let gated = if case .gated = behaviour { true } else { false }
        var bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.autoRead, value: !gated)
            .childChannelInitializer { channel in
                tracker.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        TestBackendHandler(name: name, behaviour: behaviour))
                }
            }
        if gated {
            bootstrap = bootstrap.serverChannelOption(.socketOption(.so_rcvbuf), value: 65_536)
        }
        let server =
            try await bootstrap
            .bind(host: "127.0.0.1", port: port)
            .get()
        return TestBackend(name: name, port: server.localAddress!.port!, server: server, tracker: tracker)
    }

    /// This backend as the proxy sees it.
    var backend: ProxyBackend { ProxyBackend(host: "127.0.0.1", port: port) }

    /// Connections accepted so far.
    var connections: Int { tracker.count }

    /// Stops listening (the port then refuses connections); open connections go on.
    func stop() async {
        try? await server.close()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // Like the listener (and the connections it accepted, which may still be open or in TIME_WAIT), so the
        // bind succeeds while they exist.
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        if bound {
            placeholder.withLock { $0 = fd }
        } else {
            Glibc.close(fd)
            placeholderFailed.withLock { $0 = true }
        }
    }

    /// Lets `gated` connections start reading.
    func openGate() {
        for channel in tracker.open {
            channel.setOption(ChannelOptions.autoRead, value: true).whenComplete { _ in }
        }
    }

    /// Stops listening and closes every connection; the port is given up (not held like `stop()`).
    func close() async {
        try? await server.close()
        for channel in tracker.open {
            try? await channel.close()
        }
    }
}
