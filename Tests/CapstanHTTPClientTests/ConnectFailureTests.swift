import CapstanHTTPClient
import Foundation
import Testing

/// Failures before any response say what was attempted, hide passwords and classify retrying.
struct ConnectFailureTests {
    @Test func refusedConnectionNamesTheURLWithoutPassword() async {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(url: "http://admin:hunter2@127.0.0.1:1/api/v1/apps"))
        }
        #expect(error?.kind == .connectFailed)
        #expect(error?.isRetryable == true)
        #expect(error?.url == "http://127.0.0.1:1/api/v1/apps")
        #expect(error?.description == "connect to http://127.0.0.1:1/api/v1/apps failed: Connection refused")
    }

    @Test func missingUnixSocketNamesThePath() async {
        let path = "/tmp/capstan-http-missing-\(UUID().uuidString.prefix(8)).sock"
        let client = CurlHTTPClient(configuration: HTTPClientConfiguration(unixSocketPath: path))
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(url: "http://localhost/v1.43/_ping"))
        }
        #expect(error?.kind == .connectFailed)
        #expect(
            error?.description
                == "connect to http://localhost/v1.43/_ping failed: No such file or directory (unix socket \(path))")
    }

    @Test(arguments: ["ftp://127.0.0.1/file", "127.0.0.1:7070/api", "http://127.0.0.1/a b", "http://[::1"])
    func invalidURLIsRejectedWithoutRetry(url: String) async {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(url: url))
        }
        #expect(error?.kind == .invalidURL)
        #expect(error?.isRetryable == false)
        #expect(error?.description.hasPrefix("invalid URL ") == true)
    }

    @Test(arguments: [
        HTTPHeader("X-Signature", "sha256=abc\r\nX-Injected: 1"),
        HTTPHeader("Bad Name", "sha256=abc"),
    ])
    func headerThatCouldSplitTheRequestIsRejected(header: HTTPHeader) async {
        let client = CurlHTTPClient()
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(method: "POST", url: "http://127.0.0.1:1/hook", headers: [header]))
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.description.contains("sha256=abc") == false)
    }
}
