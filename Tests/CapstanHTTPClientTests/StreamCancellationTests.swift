import CapstanHTTPClient
import Synchronization
import Testing

/// Stopping the consumer of a stream aborts the transfer promptly.
struct StreamCancellationTests {
    /// Chunks the consuming task has seen, readable from the test.
    final class Counter: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    @Test func breakingOutOfTheLoopAbortsTheTransfer() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            var received = 0
            for try await _ in client.stream(HTTPRequest(url: server.baseURL + "/chunks?n=2000&delay_ms=25")) {
                received += 1
                if received == 2 { break }
            }
            let start = ContinuousClock.now
            let seen = try await waitUntilServerSeesAbort(server, client)
            #expect(received == 2)
            #expect(seen)
            // Bounds far below the stream's 50 s, with room for a loaded CI machine.
            #expect(start.duration(to: .now) < .seconds(30), "the stream runs 50 s; the abort must not wait for it")
        }
    }

    @Test func cancellingTheConsumingTaskEndsItPromptly() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let (firstChunk, signal) = AsyncStream<Void>.makeStream()
            let chunks = Counter()
            let consumer = Task {
                for try await _ in client.stream(HTTPRequest(url: server.baseURL + "/chunks?n=2000&delay_ms=25")) {
                    chunks.add()
                    signal.yield()
                }
            }
            for await _ in firstChunk { break }
            let start = ContinuousClock.now
            let atCancel = chunks.value
            consumer.cancel()
            _ = try? await consumer.value
            let consumerEnded = start.duration(to: .now)
            let afterCancel = chunks.value - atCancel
            let seen = try await waitUntilServerSeesAbort(server, client)
            let serverSawAbort = start.duration(to: .now)
            print("stream cancel: consumer ended after \(consumerEnded), server saw the abort after \(serverSawAbort)")
            // The stream sends 2,000 chunks over 50 s; the bounds leave room for a loaded CI machine.
            #expect(afterCancel < 400, "\(afterCancel) chunks arrived after the cancel")
            #expect(consumerEnded < .seconds(20), "the stream runs 50 s; cancelling must not wait for it")
            #expect(seen)
            #expect(serverSawAbort < .seconds(30))
        }
    }

    /// Polls the server's abort counter (bounded: 3 s); true once it saw the client go away.
    private func waitUntilServerSeesAbort(_ server: TestServer, _ client: CurlHTTPClient) async throws -> Bool {
        for _ in 0..<1500 {
            if try await server.stats(using: client).aborted == 1 { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
