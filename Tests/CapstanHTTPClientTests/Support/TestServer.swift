import CapstanHTTPClient
import Foundation

/// A Python HTTP server (`TestServerScript`) started by a test on 127.0.0.1 with an ephemeral
/// port, optionally also on a unix socket and optionally with TLS. Use `withTestServer`, which
/// always stops it; a watchdog in the script also exits when the test process is gone.
final class TestServer: @unchecked Sendable {
    struct StartError: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int
    let unixSocketPath: String?
    let tls: TestCertificates?
    let directory: URL
    private let process: Process

    /// `http://127.0.0.1:<port>` (or `https://`).
    var baseURL: String { "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)" }

    /// Client settings that trust this server (CA and client certificate for TLS).
    var clientConfiguration: HTTPClientConfiguration {
        HTTPClientConfiguration(caFile: tls?.caFile, clientCertFile: tls?.clientCert, clientKeyFile: tls?.clientKey)
    }

    private init(port: Int, unixSocketPath: String?, tls: TestCertificates?, directory: URL, process: Process) {
        self.port = port
        self.unixSocketPath = unixSocketPath
        self.tls = tls
        self.directory = directory
        self.process = process
    }

    /// Starts the server in `directory` and waits (bounded) until it accepts requests.
    static func start(in directory: URL, unixSocket: Bool, tls: TestCertificates?) async throws -> TestServer {
        let script = directory.appendingPathComponent("server.py")
        try TestServerScript.source.write(to: script, atomically: true, encoding: .utf8)
        let readyFile = directory.appendingPathComponent("port")
        let socketPath = unixSocket ? directory.appendingPathComponent("http.sock").path : nil
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", script.path, readyFile.path, socketPath ?? "-"]
            + (tls.map { [$0.serverCert, $0.serverKey, $0.caFile] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()

        var port: Int?
        for _ in 0..<1500 where port == nil && process.isRunning {
            port = (try? String(contentsOf: readyFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { try await Task.sleep(for: .milliseconds(20)) }
        }
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw StartError(description: "test server did not start within 30 s: \(output)")
        }
        let server = TestServer(
            port: port, unixSocketPath: socketPath, tls: tls, directory: directory, process: process)
        do {
            try await server.waitUntilAccepting()
        } catch {
            await server.stop()
            throw error
        }
        return server
    }

    /// Probes every listener with bounded retries until it answers.
    private func waitUntilAccepting() async throws {
        var probes = [(clientConfiguration, baseURL)]
        if let unixSocketPath {
            probes.append((HTTPClientConfiguration(unixSocketPath: unixSocketPath), "http://localhost"))
        }
        for (configuration, base) in probes {
            let client = CurlHTTPClient(configuration: configuration)
            defer { client.shutdown() }
            var lastError: HTTPClientError?
            for _ in 0..<50 {
                do {
                    _ = try await client.send(HTTPRequest(url: base + "/stats", timeout: .seconds(2)))
                    lastError = nil
                    break
                } catch {
                    lastError = error
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            if let lastError { throw StartError(description: "test server not accepting: \(lastError)") }
        }
    }

    /// Kills the server (SIGKILL: nothing to flush, and SIGTERM may be ignored when inherited)
    /// and waits, bounded and without blocking a thread of the cooperative pool, until it is gone.
    func stop() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        _ = await process.waitForExit(within: .seconds(2))
    }

    /// The server's counters: connections accepted, chunk streams aborted by the client.
    func stats(using client: CurlHTTPClient) async throws -> (connections: Int, aborted: Int) {
        let response = try await client.send(HTTPRequest(url: baseURL + "/stats", timeout: .seconds(5)))
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Int] ?? [:]
        return (object["connections"] ?? -1, object["aborted"] ?? -1)
    }
}

/// Runs `body` with a fresh test server in a fresh temporary folder; always stops and removes both.
func withTestServer<T>(
    unixSocket: Bool = false, tls: Bool = false, _ body: (TestServer) async throws -> T
) async throws -> T {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let certificates = tls ? try await TestCertificates.make(in: directory) : nil
    let server = try await TestServer.start(in: directory, unixSocket: unixSocket, tls: certificates)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// A new empty folder under the system temporary directory (short path: unix sockets allow ~100 bytes).
func makeTemporaryDirectory() throws -> URL {
    let url = URL(fileURLWithPath: "/tmp").appendingPathComponent("capstan-http-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
