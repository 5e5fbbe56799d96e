import CapstanHTTPClient
import Testing

/// `maxResponseBytes` bounds the memory a response can take.
struct ResponseSizeLimitTests {
    /// With and without `Content-Length` (chunked), since libcurl rejects the first early.
    @Test(arguments: [false, true])
    func bodyOverTheLimitIsTooLarge(chunked: Bool) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(maxResponseBytes: 1_000_000))
            defer { client.shutdown() }
            let url = server.baseURL + "/big?bytes=5000000&chunked=\(chunked ? 1 : 0)"
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: url))
            }
            #expect(error?.kind == .tooLarge)
            #expect(error?.isRetryable == false)
            #expect(
                error?.description
                    == "GET \(url) response too large: the body exceeds the limit of 1000000 bytes")
        }
    }

    @Test(arguments: [false, true])
    func bodyAtTheLimitIsAccepted(chunked: Bool) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(maxResponseBytes: 1_000_000))
            defer { client.shutdown() }
            let url = server.baseURL + "/big?bytes=1000000&chunked=\(chunked ? 1 : 0)"
            let response = try await client.send(HTTPRequest(url: url))
            #expect(response.body.count == 1_000_000)
            #expect(response.body.allSatisfy { $0 == UInt8(ascii: "x") })
        }
    }
}
