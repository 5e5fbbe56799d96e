import CapstanProxy
import Testing

@Suite(.timeLimit(.minutes(1)))
struct NoBackendsTests {
    /// Like a Service without endpoints: the connection is accepted and closed at once.
    @Test func listenerWithoutBackendsClosesConnectionsAtOnce() async throws {
        let harness = try await ProxyHarness.start(backends: 0)
        for _ in 0..<3 {
            let connection = try await TestClient.connect(harness.port)
            // At once: nothing to wait for, unlike the 10 s connect timeout of the harness.
            let received = try await withDeadline(20, "the proxy to close") {
                try await connection.executeThenClose { inbound, _ in try await TestClient.readAll(inbound) }
            }
            #expect(received.readableBytes == 0)
        }
        let stats = try await harness.stats()
        #expect(stats.accepted == 3)
        #expect(stats.failed == 3)
        #expect(stats.forwarded == 0)
        #expect(stats.backends.isEmpty)
        await harness.stop()
    }
}
