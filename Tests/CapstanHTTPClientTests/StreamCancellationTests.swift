import CapstanHTTPClient
import Testing

/// Stopping the consumer of a stream aborts the transfer promptly.
struct StreamCancellationTests {
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
            #expect(start.duration(to: .now) < .seconds(10), "the stream runs 50 s; the abort must not wait for it")
        }
    }

    @Test func cancellingTheConsumingTaskEndsItPromptly() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let (firstChunk, signal) = AsyncStream<Void>.makeStream()
            let consumer = Task {
                var count = 0
                for try await _ in client.stream(HTTPRequest(url: server.baseURL + "/chunks?n=2000&delay_ms=25")) {
                    count += 1
                    signal.yield()
                }
                return count
            }
            for await _ in firstChunk { break }
            let start = ContinuousClock.now
            consumer.cancel()
            let count = try? await consumer.value
            let consumerEnded = start.duration(to: .now)
            let seen = try await waitUntilServerSeesAbort(server, client)
            let serverSawAbort = start.duration(to: .now)
            print("stream cancel: consumer ended after \(consumerEnded), server saw the abort after \(serverSawAbort)")
            #expect((count ?? 0) < 100)
            #expect(consumerEnded < .seconds(5), "the stream runs 50 s; cancelling must not wait for it")
            #expect(seen)
            #expect(serverSawAbort < .seconds(10))
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
