import CapstanProxy
import Testing

@Suite(.timeLimit(.minutes(1)))
struct FailoverTests {
    /// Connections that would go to a backend whose port is closed go to the next one; no client notices.
    @Test func stoppedBackendIsSkipped() async throws {
        let harness = try await ProxyHarness.start(backends: 4)
        await harness.backends[1].stop()

        var names: [String: Int] = [:]
        for _ in 0..<100 {
            names[try await TestClient.ask(harness.port), default: 0] += 1
        }
        #expect(names == ["backend-0": 25, "backend-2": 50, "backend-3": 25])
        let stats = try await harness.stats()
        #expect(stats.accepted == 100)
        #expect(stats.forwarded == 100)
        #expect(stats.failed == 0)
        #expect(stats.backends.map(\.connectFailures) == [0, 25, 0, 0])
        #expect(stats.backends.map(\.connections) == [25, 0, 50, 25])
        await harness.stop()
    }

    /// With every backend down, the client's connection is closed without a byte, and counted as failed.
    /// (In CI this once counted a connection as forwarded with both backends down: most likely a TCP self-connect
    /// — a connect to a free ephemeral port can get that port as its source — which the proxy now refuses.)
    @Test func allBackendsDownClosesTheConnection() async throws {
        let harness = try await ProxyHarness.start(backends: 2)
        for backend in harness.backends {
            await backend.stop()
            #expect(backend.holdsPort, "backend \(backend.name) could not hold its port \(backend.port) after stop")
        }
        let connection = try await TestClient.connect(harness.port)
        let received = try await withDeadline(20, "the proxy to close") {
            try await connection.executeThenClose { inbound, _ in try await TestClient.readAll(inbound) }
        }
        #expect(received.readableBytes == 0)
        let stats = try await harness.stats()
        #expect(stats.accepted == 1)
        #expect(stats.forwarded == 0, "\(stats)")
        #expect(stats.failed == 1)
        #expect(stats.backends.map(\.connectFailures) == [1, 1])
        await harness.stop()
    }
}
