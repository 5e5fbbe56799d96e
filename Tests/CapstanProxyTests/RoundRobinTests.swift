import CapstanProxy
import Testing

@Suite(.timeLimit(.minutes(1)))
struct RoundRobinTests {
    @Test func thousandSequentialConnectionsSplitExactlyOverFourBackends() async throws {
        let harness = try await ProxyHarness.start(backends: 4)
        let start = ContinuousClock.now
        var replies: [String: Int] = [:]
        for _ in 0..<1000 {
            replies[try await TestClient.ask(harness.port), default: 0] += 1
        }
        let elapsed = ContinuousClock.now - start
        print("round robin: 1000 sequential connections in \(elapsed), \(Int(1000 / elapsed.seconds)) connections/s")

        #expect(replies == ["backend-0": 250, "backend-1": 250, "backend-2": 250, "backend-3": 250])
        #expect(harness.backends.map(\.connections) == [250, 250, 250, 250])
        let stats = try await harness.stats()
        #expect(stats.accepted == 1000)
        #expect(stats.forwarded == 1000)
        #expect(stats.failed == 0)
        #expect(stats.backends.map(\.connections) == [250, 250, 250, 250])
        #expect(stats.backends.map(\.backend) == harness.backends.map(\.backend))
        try await waitUntil(5, "all connections closed") { (try? await harness.stats().active) == 0 }
        await harness.stop()
    }
}
