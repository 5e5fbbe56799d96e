import CapstanHTTPClient
import Testing

/// Errors carry the URL without user-info, so credentials never reach a message.
struct URLRedactionTests {
    @Test(arguments: [
        ("http://admin:hunter2@127.0.0.1:7070/api/v1/apps", "http://127.0.0.1:7070/api/v1/apps"),
        ("https://token@127.0.0.1/hook?x=1", "https://127.0.0.1/hook?x=1"),
        ("http://a:b@c@127.0.0.1/", "http://127.0.0.1/"),
        ("http://127.0.0.1/path@v2", "http://127.0.0.1/path@v2"),
        ("http://127.0.0.1?to=me@example.org", "http://127.0.0.1?to=me@example.org"),
        ("http://localhost/v1.43/info", "http://localhost/v1.43/info"),
    ])
    func userInfoIsRemoved(url: String, shown: String) {
        let error = HTTPClientError.unexpectedStatus(HTTPResponse(status: 500), for: HTTPRequest(url: url))
        #expect(error.url == shown)
        #expect(error.description == "GET \(shown) returned HTTP 500")
    }

    @Test func timeoutMessageHasNoPassword() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let url = server.baseURL.replacingOccurrences(of: "://", with: "://ci:pa55word@") + "/sleep?ms=2000"
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: url, timeout: .milliseconds(200)))
            }
            #expect(error?.kind == .timedOut)
            #expect(error?.description.contains("pa55word") == false)
            #expect(error?.description.contains("\(server.baseURL)/sleep") == true)
        }
    }
}
