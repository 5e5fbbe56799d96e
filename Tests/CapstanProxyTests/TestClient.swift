import NIOCore
import NIOPosix

/// A client connection to 127.0.0.1 for the tests, with bounded waits.
enum TestClient {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    /// Connects to `port` on 127.0.0.1, with outbound half-close on `finish()`; the buffers set SO_SNDBUF
    /// and SO_RCVBUF.
    static func connect(_ port: Int, sendBuffer: Int? = nil, receiveBuffer: Int? = nil) async throws
        -> Connection
    {
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(2))
            .channelOption(.allowRemoteHalfClosure, value: true)
        if let sendBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_sndbuf), value: SocketOptionValue(sendBuffer))
        }
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        return
            try await bootstrap
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Connection(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
    }

    /// Connects to `port` and closes again at once: for tests that expect the connection to be refused. A
    /// connection that unexpectedly succeeds (the port taken by another test's listener meanwhile) is closed
    /// properly, so the expectation fails instead of the process (an NIOAsyncChannel must not be dropped unclosed).
    static func connectAndClose(_ port: Int) async throws {
        let connection = try await connect(port)
        try await connection.executeThenClose { _, _ in }
    }

    /// Sends `hello\n` to `port` and returns the first line of the reply, without its newline.
    static func ask(_ port: Int) async throws -> String {
        try await withDeadline(5, "a reply from port \(port)") {
            let connection = try await connect(port)
            return try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "hello\n"))
                var iterator = inbound.makeAsyncIterator()
                return try await readLine(&iterator)
            }
        }
    }

    /// Reads up to the next newline; throws if the stream ends first.
    static func readLine(_ iterator: inout NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) async throws
        -> String
    {
        var line = ""
        for _ in 0..<10_000 {
            guard let chunk = try await iterator.next() else {
                throw TestFailure("connection ended after \(line.debugDescription)")
            }
            line += String(buffer: chunk)
            if let end = line.firstIndex(of: "\n") { return String(line[..<end]) }
        }
        throw TestFailure("no newline in \(line.count) characters")
    }

    /// Everything `connection` receives until the other side closes.
    static func readAll(_ inbound: NIOAsyncChannelInboundStream<ByteBuffer>) async throws -> ByteBuffer {
        var all = ByteBuffer()
        for try await var chunk in inbound {
            all.writeBuffer(&chunk)
        }
        return all
    }
}
