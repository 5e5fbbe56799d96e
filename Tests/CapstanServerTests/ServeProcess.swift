import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Foundation

/// The real `capstan serve` process on a configuration written by the test, with its stdout and stderr in one
/// log file and every API response it gave the test kept, so a test can scan what a user would see.
final class ServeProcess: @unchecked Sendable {
    let folder: URL
    let logFile: URL
    private(set) var baseURL = ""
    private let process = Process()
    private let lock = NSLock()
    private var responses: [(path: String, text: String)] = []
    private static let http = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(30)))

    /// Starts `capstan serve --config <folder>/capstan.yaml` (listening on an ephemeral port of 127.0.0.1) and
    /// waits, bounded, until it logs its address.
    init(folder: URL, configuration: String) async throws {
        self.folder = folder
        self.logFile = folder.appendingPathComponent("serve.log")
        let config = folder.appendingPathComponent("capstan.yaml")
        try "server:\n  listen: 127.0.0.1:0\n\(configuration)".write(to: config, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.executableURL = URL(fileURLWithPath: CapstanBinary.path)
        process.arguments = ["serve", "--config", config.path]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        for _ in 0..<600 where process.isRunning {
            let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                baseURL = "http://" + text[range].dropFirst("listening on http://".count)
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        await stop()
        throw FixtureError("capstan serve did not listen within 30 s: \(log())")
    }

    /// The whole log so far.
    func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Every response body this test received, with the path that produced it.
    func received() -> [(path: String, text: String)] { lock.withLock { responses } }

    /// GET (or POST) `path`; the body is kept for scanning. Throws on a status other than 200.
    @discardableResult
    func text(_ method: String = "GET", _ path: String) async throws -> String {
        let response = try await Self.http.send(
            HTTPRequest(method: method, url: baseURL + path, body: method == "POST" ? [] : nil))
        lock.withLock { responses.append((path, response.text)) }
        guard response.status == 200 else {
            throw FixtureError("\(method) \(path): HTTP \(response.status): \(response.text)")
        }
        return response.text
    }

    func json(_ path: String) async throws -> Value { try JSONParser.parse(Array(try await text("GET", path).utf8)) }

    /// Polls the app until `condition` holds (bounded).
    func waitForApp(_ name: String, timeout: Duration = .seconds(30), _ condition: (Value) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            let app = try await json("/api/v1/apps/\(name)")
            if condition(app) { return }
            guard ContinuousClock.now < deadline else {
                throw FixtureError("timed out; the app is \(app.jsonString())")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// SIGTERM, then waits (bounded) for the process to end; SIGKILL if it does not.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<200 where process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
