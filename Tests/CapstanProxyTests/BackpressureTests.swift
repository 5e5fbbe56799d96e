import CapstanProxy
import NIOCore
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BackpressureTests {
    /// While the backend reads nothing, the proxy stops reading from the client, so no more than the socket
    /// buffers' worth leaves the client (not 128 MB); once the backend reads, every byte arrives.
    @Test func slowBackendStallsTheClient() async throws {
        let harness = try await ProxyHarness.start(backends: 1, .gated)
        let total = 128 * 1024 * 1024
        let chunk = TestData.pattern(count: 65_536)
        let written = ByteCount()
        let connection = try await TestClient.connect(harness.port, sendBuffer: 65_536)

        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                try await withDeadline(40, "128 MB through a stalled backend") {
                    try await connection.executeThenClose { inbound, outbound in
                        for _ in 0..<(total / chunk.readableBytes) {
                            try await outbound.write(chunk)
                            written.value.add(chunk.readableBytes, ordering: .relaxed)
                            try await waitForBufferBelow(1024 * 1024, connection.channel)
                        }
                        outbound.finish()
                        return String(buffer: try await TestClient.readAll(inbound))
                    }
                }
            }
            var last = -1
            var steady = 0
            for _ in 0..<100 where steady < 5 {
                try await Task.sleep(for: .milliseconds(100))
                let now = written.value.load(ordering: .relaxed)
                steady = now == last ? steady + 1 : 0
                last = now
            }
            // What left the client is what the kernel's socket buffers and the proxy hold.
            let buffered = try await connection.channel.getOption(ChannelOptions.bufferedWritableBytes).get()
            let sent = last - buffered
            print(
                "backpressure: stalled with \(sent / 1024) KiB past the client (\(buffered / 1024) KiB in its buffer)")
            #expect(steady >= 5, "the client's writes never stalled")
            #expect(sent < 16 * 1024 * 1024)
            harness.backends[0].openGate()
            let reply = try await group.next()
            #expect(reply == "backend-0 received \(total)\n")
        }
        await harness.stop()
    }
}

/// Waits while the client's own NIO buffer holds `limit` bytes or more (its async writer does not stop at
/// the channel's high-water mark), so the client writes no faster than the proxy takes.
private func waitForBufferBelow(_ limit: Int, _ channel: any Channel) async throws {
    while try await channel.getOption(ChannelOptions.bufferedWritableBytes).get() >= limit {
        try await Task.sleep(for: .milliseconds(5))
    }
}
