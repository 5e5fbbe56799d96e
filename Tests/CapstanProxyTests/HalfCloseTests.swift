import CapstanProxy
import NIOCore
import Testing

@Suite(.timeLimit(.minutes(1)))
struct HalfCloseTests {
    /// A client that shuts down its writing side still gets the whole reply the backend sends after that,
    /// even when it reads slowly, so the proxy still holds bytes for it when the backend closes.
    @Test func clientHalfCloseStillGetsTheFullReply() async throws {
        let replySize = 8 * 1024 * 1024
        let harness = try await ProxyHarness.start(backends: 1, .replyAfterEOF(bytes: replySize))
        let connection = try await TestClient.connect(harness.port, receiveBuffer: 16_384)
        var reply = try await withDeadline(20, "the reply after half-close") {
            try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(TestData.pattern(count: 100_000))
                outbound.finish()
                try await Task.sleep(for: .milliseconds(300))
                return try await TestClient.readAll(inbound)
            }
        }
        let header = "backend-0 received 100000\n"
        #expect(reply.readString(length: header.utf8.count) == header)
        var verifier = TestData.Verifier()
        verifier.check(reply)
        #expect(verifier.count == replySize)
        #expect(verifier.firstMismatch == nil)
        await harness.stop()
    }

    /// Lines sent before the half-close are answered, then the backend's answer to the end of input.
    @Test func linesThenHalfClose() async throws {
        let harness = try await ProxyHarness.start(backends: 1)
        let connection = try await TestClient.connect(harness.port)
        let reply = try await withDeadline(5, "the reply after half-close") {
            try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: "a\nb\n"))
                outbound.finish()
                return try await TestClient.readAll(inbound)
            }
        }
        #expect(String(buffer: reply) == "backend-0\nbackend-0\neof backend-0\n")
        await harness.stop()
    }
}
