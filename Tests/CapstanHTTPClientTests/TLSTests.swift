import CapstanHTTPClient
import Testing

/// TLS with a private CA and client certificates (Docker Engine over TCP).
struct TLSTests {
    @Test func mutualTLSRoundTrip() async throws {
        try await withTestServer(tls: true) { server in
            let client = CurlHTTPClient(configuration: server.clientConfiguration)
            defer { client.shutdown() }
            let response = try await client.send(
                HTTPRequest(method: "POST", url: server.baseURL + "/echo", body: [1, 2, 3]))
            #expect(response.status == 200)
            #expect(response.body == [1, 2, 3])
        }
    }

    @Test func untrustedServerIsATLSError() async throws {
        try await withTestServer(tls: true) { server in
            var configuration = server.clientConfiguration
            configuration.caFile = nil
            let client = CurlHTTPClient(configuration: configuration)
            defer { client.shutdown() }
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/echo"))
            }
            #expect(error?.kind == .tls)
            #expect(error?.isRetryable == false)
            #expect(error?.description.hasPrefix("TLS with \(server.baseURL)/echo failed: ") == true)
        }
    }

    @Test func missingClientCertificateIsRefused() async throws {
        try await withTestServer(tls: true) { server in
            let client = CurlHTTPClient(configuration: HTTPClientConfiguration(caFile: server.tls?.caFile))
            defer { client.shutdown() }
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: server.baseURL + "/echo"))
            }
            // The server drops the connection during the handshake; libcurl sees a send/recv failure.
            #expect(error?.kind == .transfer || error?.kind == .tls)
        }
    }
}
