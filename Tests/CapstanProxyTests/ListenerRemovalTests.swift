import CapstanProxy
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct ListenerRemovalTests {
    /// A removed listener's port refuses connections while its open ones finish; added back, it works.
    @Test func removedListenerRefusesThenWorksWhenAddedBack() async throws {
        let harness = try await ProxyHarness.start(backends: 1)
        let inFlight = try await TestClient.connect(harness.port)
        try await inFlight.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            try await outbound.write(ByteBuffer(string: "hello\n"))
            #expect(try await TestClient.readLine(&replies) == "backend-0")

            try await harness.proxy.update([])
            #expect(await harness.proxy.boundPort(of: ProxyHarness.name) == nil)
            #expect(await harness.proxy.stats().isEmpty)
            await #expect(throws: (any Error).self) { try await TestClient.connectAndClose(harness.port) }

            try await outbound.write(ByteBuffer(string: "still there?\n"))
            #expect(try await TestClient.readLine(&replies) == "backend-0")

            try await harness.proxy.update([harness.listener(harness.backends)])
            #expect(await harness.proxy.boundPort(of: ProxyHarness.name) == harness.port)
            #expect(try await TestClient.ask(harness.port) == "backend-0")
            outbound.finish()
            #expect(try await TestClient.readLine(&replies) == "eof backend-0")
        }
        let stats = try await harness.stats()
        #expect(stats.accepted == 1)
        #expect(harness.backends[0].connections == 2)
        await harness.stop()
    }

    /// A listener moved to another port stops listening on the old one.
    @Test func movedListenerRebinds() async throws {
        let harness = try await ProxyHarness.start(backends: 1)
        let other = try await TestBackend.start("placeholder")
        let freePort = other.port
        await other.close()

        var moved = harness.listener(harness.backends)
        moved.port = freePort
        try await harness.proxy.update([moved])
        #expect(await harness.proxy.boundPort(of: ProxyHarness.name) == freePort)
        #expect(try await TestClient.ask(freePort) == "backend-0")
        await #expect(throws: (any Error).self) { try await TestClient.connectAndClose(harness.port) }
        await harness.stop()
    }
}
