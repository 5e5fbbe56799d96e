import CapstanProxy
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ShutdownTests {
    /// Shutdown closes the listeners and the open connections.
    @Test func shutdownClosesListenersAndConnections() async throws {
        let harness = try await ProxyHarness.start(backends: 1)
        let ended = try await withDeadline(10, "the connection to close at shutdown") {
            let connection = try await TestClient.connect(harness.port)
            return try await connection.executeThenClose { inbound, outbound in
                var replies = inbound.makeAsyncIterator()
                try await outbound.write(ByteBuffer(string: "hello\n"))
                #expect(try await TestClient.readLine(&replies) == "backend-0")
                await harness.proxy.shutdown()
                return try await replies.next() == nil
            }
        }
        #expect(ended)
        await #expect(throws: (any Error).self) { try await TestClient.connectAndClose(harness.port) }
        await harness.stop()
    }
}
