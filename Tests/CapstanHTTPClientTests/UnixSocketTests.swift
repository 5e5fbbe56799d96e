import CapstanHTTPClient
import Testing

/// A unix-socket client (Docker Engine style) sends, streams and reuses its connection.
struct UnixSocketTests {
    @Test func roundTripOverUnixSocket() async throws {
        try await withTestServer(unixSocket: true) { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(unixSocketPath: server.unixSocketPath))
            defer { client.shutdown() }
            let body = Array(#"{"Image":"nginx:1.27"}"#.utf8)
            let response = try await client.send(
                HTTPRequest(
                    method: "POST", url: "http://localhost/echo",
                    headers: [HTTPHeader("Content-Type", "application/json")], body: body))
            #expect(response.status == 200)
            #expect(response.header("X-Echo-Host") == "localhost")
            #expect(response.header("X-Echo-Method") == "POST")
            #expect(response.body == body)
        }
    }

    @Test func sequentialRequestsReuseTheSocketConnection() async throws {
        try await withTestServer(unixSocket: true) { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(unixSocketPath: server.unixSocketPath))
            defer { client.shutdown() }
            var connectionIDs: [String] = []
            for index in 0..<10 {
                let method = index.isMultiple(of: 2) ? "GET" : "DELETE"
                let response = try await client.send(HTTPRequest(method: method, url: "http://localhost/echo"))
                connectionIDs.append(response.header("X-Connection-Id") ?? "none")
            }
            #expect(connectionIDs.count == 10)
            #expect(Set(connectionIDs).count == 1)
        }
    }

    @Test func streamOverUnixSocket() async throws {
        try await withTestServer(unixSocket: true) { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(unixSocketPath: server.unixSocketPath))
            defer { client.shutdown() }
            var received: [UInt8] = []
            for try await chunk in client.stream(HTTPRequest(url: "http://localhost/chunks?n=3&delay_ms=50")) {
                received += chunk
            }
            #expect(String(decoding: received, as: UTF8.self) == "chunk-0\nchunk-1\nchunk-2\n")
        }
    }
}
