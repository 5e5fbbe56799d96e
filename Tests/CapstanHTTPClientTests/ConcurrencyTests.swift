import CapstanHTTPClient
import Testing

/// Many tasks sharing one client all get their own answers, without crash or deadlock.
struct ConcurrencyTests {
    @Test(.timeLimit(.minutes(1)), arguments: [8, 64])
    func twoHundredConcurrentRequestsComplete(maxConnectionsPerHost: Int) async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(
                configuration: HTTPClientConfiguration(maxConnectionsPerHost: maxConnectionsPerHost))
            defer { client.shutdown() }
            let start = ContinuousClock.now
            let matched = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let body = Array("request-\(index)".utf8)
                        let response = try await client.send(
                            HTTPRequest(
                                method: "POST", url: server.baseURL + "/echo?i=\(index)", body: body,
                                timeout: .seconds(20)))
                        return response.status == 200 && response.body == body
                            && response.header("X-Echo-Path") == "/echo?i=\(index)"
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            let elapsed = start.duration(to: .now)
            let stats = try await server.stats(using: client)
            print(
                "200 concurrent requests, \(maxConnectionsPerHost) connections per host: \(elapsed), server connections \(stats.connections)"
            )
            #expect(matched == 200)
            #expect(elapsed < .seconds(30))
            // The probe made 1 connection; the client at most its limit (plus one the limit replaces).
            #expect(stats.connections <= maxConnectionsPerHost + 2)
        }
    }

    /// Slow requests wait on the client's own thread, not on Swift's small cooperative pool:
    /// 40 requests that each take 500 ms finish together, far below 40 × 500 ms / pool width.
    @Test(.timeLimit(.minutes(1)))
    func slowRequestsDoNotOccupyTheCooperativePool() async throws {
        try await withTestServer { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(maxConnectionsPerHost: 64))
            defer { client.shutdown() }
            let start = ContinuousClock.now
            let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await client.send(HTTPRequest(url: server.baseURL + "/sleep?ms=500")).text == "slept"
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            let elapsed = start.duration(to: .now)
            print("40 concurrent 500 ms requests: \(elapsed)")
            #expect(ok == 40)
            // Serialized on the 2 threads of the pool they would take 10 s; 8 s leaves room for a loaded CI machine.
            #expect(elapsed < .seconds(8))
        }
    }
}
