import CapstanHTTPClient
import Testing

/// Sequential requests to one host share one TCP connection.
struct ConnectionReuseTests {
    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            let before = try await server.stats(using: client)
            var connectionIDs: Set<String> = []
            let start = ContinuousClock.now
            for index in 0..<20 {
                let request =
                    index.isMultiple(of: 2)
                    ? HTTPRequest(url: server.baseURL + "/echo")
                    : HTTPRequest(method: "POST", url: server.baseURL + "/echo", body: Array("n=\(index)".utf8))
                let response = try await client.send(request)
                #expect(response.status == 200)
                connectionIDs.insert(response.header("X-Connection-Id") ?? "none")
            }
            print("20 sequential requests on one connection: \(start.duration(to: .now))")
            let after = try await server.stats(using: client)
            #expect(connectionIDs.count == 1)
            #expect(after.connections == before.connections)
        }
    }

    /// The counterpart that shows the check above can fail: two clients, two connections.
    @Test func separateClientsUseSeparateConnections() async throws {
        try await withTestServer { server in
            let first = CurlHTTPClient()
            let second = CurlHTTPClient()
            defer {
                first.shutdown()
                second.shutdown()
            }
            let a = try await first.send(HTTPRequest(url: server.baseURL + "/echo"))
            let b = try await second.send(HTTPRequest(url: server.baseURL + "/echo"))
            #expect(a.header("X-Connection-Id") != nil)
            #expect(a.header("X-Connection-Id") != b.header("X-Connection-Id"))
        }
    }

    /// A connection closed by cancelling a stream is not reused; the next request still works.
    @Test func requestAfterAbortedStreamSucceeds() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient()
            defer { client.shutdown() }
            for try await _ in client.stream(HTTPRequest(url: server.baseURL + "/chunks?n=100&delay_ms=20")) {
                break
            }
            let response = try await client.send(HTTPRequest(url: server.baseURL + "/status/200"))
            #expect(response.text == "status 200")
        }
    }
}
