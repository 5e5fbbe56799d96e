import CapstanHTTPClient
import Testing

/// `stream` hands out chunks as the server sends them.
struct StreamingTests {
    /// The server sends each next chunk only after the client saw the previous one and said so
    /// on another connection, so a buffering client would never finish (the server gives up).
    @Test func chunksArriveInOrderWhileTheServerIsStillSending() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            var received: [UInt8] = []
            var releases = 0
            for try await chunk in client.stream(HTTPRequest(url: server.baseURL + "/gated?n=3")) {
                received += chunk
                if received.last == UInt8(ascii: "\n") && releases < 2 {
                    releases += 1
                    _ = try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/release"))
                }
            }
            #expect(String(decoding: received, as: UTF8.self) == "chunk-0\nchunk-1\nchunk-2\n")
            #expect(releases == 2)
        }
    }

    @Test(arguments: [404, 500, 503])
    func nonSuccessStatusIsThrownWithTheBody(status: Int) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            var chunks = 0
            let error = await #expect(throws: HTTPClientError.self) {
                for try await _ in client.stream(HTTPRequest(url: server.baseURL + "/status/\(status)")) {
                    chunks += 1
                }
            }
            #expect(chunks == 0)
            #expect(error?.kind == .unexpectedStatus)
            #expect(error?.status == status)
            #expect(error?.isRetryable == (status >= 500))
            #expect(
                error?.description == "GET \(server.baseURL)/status/\(status) returned HTTP \(status): status \(status)"
            )
        }
    }

    @Test func streamHasNoDefaultTotalTimeoutButHonoursARequestTimeout() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .milliseconds(200)))
            defer { client.shutdown() }
            var lines = 0
            for try await _ in client.stream(HTTPRequest(url: server.baseURL + "/chunks?n=4&delay_ms=100")) {
                lines += 1
            }
            #expect(lines >= 1)
            let error = await #expect(throws: HTTPClientError.self) {
                let request = HTTPRequest(
                    url: server.baseURL + "/chunks?n=50&delay_ms=100", timeout: .milliseconds(300))
                for try await _ in client.stream(request) {}
            }
            #expect(error?.kind == .timedOut)
        }
    }
}
