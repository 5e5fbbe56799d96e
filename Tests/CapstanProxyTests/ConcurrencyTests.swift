import CapstanProxy
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ConcurrencyTests {
    /// 200 connections open at once all complete, split evenly.
    @Test func twoHundredConcurrentConnectionsComplete() async throws {
        let harness = try await ProxyHarness.start(backends: 2)
        let port = harness.port
        let start = ContinuousClock.now
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<200 {
                group.addTask { try await TestClient.ask(port) }
            }
            var names: [String: Int] = [:]
            for try await name in group {
                names[name, default: 0] += 1
            }
            return names
        }
        print("concurrency: 200 concurrent connections in \(ContinuousClock.now - start)")
        #expect(names == ["backend-0": 100, "backend-1": 100])
        let stats = try await harness.stats()
        #expect(stats.accepted == 200)
        #expect(stats.forwarded == 200)
        #expect(stats.failed == 0)
        await harness.stop()
    }
}
