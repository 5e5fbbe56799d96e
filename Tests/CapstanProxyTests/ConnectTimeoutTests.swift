import CapstanProxy
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ConnectTimeoutTests {
    /// A backend that does not answer within the connect timeout is skipped for the next one. What the
    /// client sent meanwhile, including its half-close, reaches that next backend.
    @Test func unansweredBackendTimesOutAndEarlyInputIsReplayed() async throws {
        let stuck = try await StuckListener.start()
        let backend = try await TestBackend.start("backend-0")
        let proxy = ServiceProxy(connectTimeout: .milliseconds(500), logger: quietLogger)
        let name = "default/slow:80"
        try await proxy.update([ProxyListener(name: name, port: 0, backends: [stuck.backend, backend.backend])])
        let port = try #require(await proxy.boundPort(of: name))

        let start = ContinuousClock.now
        let connection = try await TestClient.connect(port)
        let reply = try await withDeadline(10, "the reply via the second backend") {
            try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "a\nb\n"))
                outbound.finish()
                return try await TestClient.readAll(inbound)
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(String(buffer: reply) == "backend-0\nbackend-0\neof backend-0\n")
        #expect(elapsed >= .milliseconds(450))
        #expect(elapsed < .seconds(5))
        let stats = try #require(await proxy.stats(for: name))
        #expect(stats.backends.map(\.connectFailures) == [1, 0])
        #expect(stats.backends.map(\.connections) == [0, 1])
        await proxy.shutdown()
        await backend.close()
        await stuck.close()
    }
}
