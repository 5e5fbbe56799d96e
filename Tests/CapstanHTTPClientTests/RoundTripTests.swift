import CapstanHTTPClient
import Testing

/// Methods, bodies and headers reach the server and come back intact.
struct RoundTripTests {
    @Test(arguments: ["GET", "POST", "PUT", "PATCH", "DELETE"])
    func methodSendsBodyAndHeaders(method: String) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let body: [UInt8]? = method == "GET" ? nil : Array(#"{"method":"\#(method)"}"#.utf8)
            let response = try await client.send(
                HTTPRequest(
                    method: method, url: server.baseURL + "/echo?x=1",
                    headers: [
                        HTTPHeader("X-Capstan-Test", "value 42"), HTTPHeader("Content-Type", "application/json"),
                    ],
                    body: body))
            #expect(response.status == 200)
            #expect(response.header("x-echo-method") == method)
            #expect(response.header("X-Echo-Path") == "/echo?x=1")
            #expect(response.header("X-Echo-X-Capstan-Test") == "value 42")
            #expect(response.header("X-Echo-Content-Type") == "application/json")
            #expect(response.header("X-Echo-Content-Length") == body.map { String($0.count) })
            #expect(response.header("X-Echo-User-Agent") == "capstan")
            #expect(response.body == (body ?? []))
        }
    }

    @Test func headReturnsHeadersWithoutBody() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/status/200"))
            #expect(response.status == 200)
            #expect(response.header("Content-Length") == "10")
            #expect(response.body.isEmpty)
        }
    }

    @Test(arguments: ["POST", "PUT", "PATCH"])
    func bodylessWriteSendsZeroContentLength(method: String) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(method: method, url: server.baseURL + "/echo"))
            #expect(response.header("X-Echo-Method") == method)
            #expect(response.header("X-Echo-Content-Length") == "0")
            #expect(response.header("X-Echo-Content-Type") == nil)
        }
    }

    @Test func largeBinaryBodyRoundTripsWithoutExpectContinue() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let body = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let response = try await client.send(HTTPRequest(method: "PUT", url: server.baseURL + "/echo", body: body))
            #expect(response.status == 200)
            #expect(response.header("X-Echo-Expect") == nil)
            #expect(response.header("X-Echo-Content-Length") == "3000000")
            #expect(response.body == body)
        }
    }

    @Test func requestUserAgentOverridesTheDefault() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(userAgent: "capstan-cli/1"))
            defer { client.shutdown() }
            let plain = try await client.send(HTTPRequest(url: server.baseURL + "/echo"))
            let custom = try await client.send(
                HTTPRequest(
                    url: server.baseURL + "/echo", headers: [HTTPHeader("User-Agent", "webhook/2")]))
            #expect(plain.header("X-Echo-User-Agent") == "capstan-cli/1")
            #expect(custom.header("X-Echo-User-Agent") == "webhook/2")
            #expect(custom.headers.values(named: "x-echo-user-agent") == ["webhook/2"])
        }
    }
}
