import CapstanHTTPClient
import Testing

/// Time limits and task cancellation end a request promptly.
struct TimeoutTests {
    @Test func requestTimeoutStopsASlowServer() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let start = ContinuousClock.now
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/sleep?ms=20000", timeout: .milliseconds(300)))
            }
            let elapsed = start.duration(to: .now)
            #expect(error?.kind == .timedOut)
            #expect(error?.isRetryable == true)
            #expect(error?.description.hasPrefix("GET \(server.baseURL)/sleep?ms=20000 timed out: ") == true)
            #expect(elapsed >= .milliseconds(250) && elapsed < .seconds(10))
        }
    }

    @Test func configurationTimeoutIsTheDefault() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .milliseconds(300)))
            defer { client.shutdown() }
            let start = ContinuousClock.now
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/sleep?ms=20000"))
            }
            #expect(error?.kind == .timedOut)
            #expect(start.duration(to: .now) < .seconds(10))
        }
    }

    @Test func cancellingTheTaskAbortsTheRequest() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let task = Task { await sendCapturingError(client, HTTPRequest(url: server.baseURL + "/sleep?ms=20000")) }
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            task.cancel()
            let result = await task.value
            #expect(start.duration(to: .now) < .seconds(10))
            #expect(result.error?.kind == .cancelled)
            #expect(result.error?.isRetryable == false)
        }
    }

    @Test func shutdownFailsRunningAndLaterRequests() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            let task = Task { await sendCapturingError(client, HTTPRequest(url: server.baseURL + "/sleep?ms=20000")) }
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            client.shutdown()
            let running = await task.value
            #expect(start.duration(to: .now) < .seconds(10))
            #expect(running.error?.kind == .shutdown)
            let later = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/echo"))
            }
            #expect(later?.kind == .shutdown)
        }
    }
}

/// The outcome of one `send`, as a value a task can return.
private func sendCapturingError(
    _ client: CurlHTTPClient, _ request: HTTPRequest
) async -> Result<HTTPResponse, HTTPClientError> {
    do {
        return .success(try await client.send(request))
    } catch {
        return .failure(error)
    }
}

extension Result {
    fileprivate var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
