import CapstanProxy
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BackendUpdateTests {
    /// A removed backend gets no new connections but keeps its open one; an added backend gets its share.
    @Test func replacingBackendsAffectsOnlyNewConnections() async throws {
        let harness = try await ProxyHarness.start(backends: 3)
        let (first, second, third) = (harness.backends[0], harness.backends[1], harness.backends[2])
        try await harness.proxy.update([harness.listener([first, second])])

        let inFlight = try await TestClient.connect(harness.port)
        try await inFlight.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            try await outbound.write(ByteBuffer(string: "hello\n"))
            #expect(try await TestClient.readLine(&replies) == "backend-0")

            try await harness.proxy.update([harness.listener([second, third])])
            var names: [String: Int] = [:]
            for _ in 0..<100 {
                names[try await TestClient.ask(harness.port), default: 0] += 1
            }
            #expect(names == ["backend-1": 50, "backend-2": 50])
            #expect(first.connections == 1)

            let draining = try await harness.stats().backends.first { $0.backend == first.backend }
            #expect(draining?.inRotation == false)
            #expect(draining?.active == 1)

            try await outbound.write(ByteBuffer(string: "still there?\n"))
            #expect(try await TestClient.readLine(&replies) == "backend-0")
            outbound.finish()
            #expect(try await TestClient.readLine(&replies) == "eof backend-0")
        }
        try await waitUntil(5, "the removed backend to leave the stats") {
            (try? await harness.stats().backends.map(\.backend)) == [second.backend, third.backend]
        }
        await harness.stop()
    }
}
