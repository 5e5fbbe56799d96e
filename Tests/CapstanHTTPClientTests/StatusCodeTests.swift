import CapstanHTTPClient
import Testing

/// Every status is a response, not an error; redirects are not followed.
struct StatusCodeTests {
    @Test(arguments: [200, 201, 204, 400, 404, 409, 500, 503])
    func statusIsPassedThrough(status: Int) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/status/\(status)"))
            #expect(response.status == status)
            #expect(response.text == (status == 204 ? "" : "status \(status)"))
            #expect(response.isSuccess == (200..<300).contains(status))
        }
    }

    @Test func redirectIsReturnedNotFollowed() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/redirect"))
            #expect(response.status == 302)
            #expect(response.header("location") == "/echo")
            #expect(response.text == "moved")
        }
    }

    @Test(arguments: [(503, true), (429, true), (408, true), (404, false), (400, false)])
    func unexpectedStatusErrorForWebhooks(status: Int, retryable: Bool) {
        let request = HTTPRequest(method: "POST", url: "https://bot:s3cret@127.0.0.1:9/hook")
        let error = HTTPClientError.unexpectedStatus(
            HTTPResponse(status: status, body: Array("backend\ndown\n".utf8)), for: request)
        #expect(error.kind == .unexpectedStatus)
        #expect(error.status == status)
        #expect(error.isRetryable == retryable)
        #expect(error.description == "POST https://127.0.0.1:9/hook returned HTTP \(status): backend down")
    }
}
