import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Foundation

/// The real `capstan serve` process on a configuration that listens on 127.0.0.1:0: its stdout and stderr go to
/// a log file, its port is read from the "listening" line, and every API answer it gave the test is kept, so a
/// test can scan what a user would see.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let logFile: URL
    private(set) var port = 0
    private let lock = NSLock()
    private var responses: [(path: String, text: String)] = []
    private static let http = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(30)))

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts `capstan serve --config CONFIG` and waits (at most 30 s) until it listens.
    static func start(config: String, logFile: URL) async throws -> ServeProcess {
        let serve = ServeProcess(logFile: logFile)
        try await serve.run(config: config)
        return serve
    }

    /// Writes `<folder>/capstan.yaml` (`configuration` after a `server.listen` of 127.0.0.1:0), starts the service
    /// on it with its log in `<folder>/serve.log`, and waits until it listens.
    convenience init(folder: URL, configuration: String) async throws {
        self.init(logFile: folder.appendingPathComponent("serve.log"))
        let config = folder.appendingPathComponent("capstan.yaml")
        try "server:\n  listen: 127.0.0.1:0\n\(configuration)".write(to: config, atomically: true, encoding: .utf8)
        try await run(config: config.path)
    }

    private init(logFile: URL) { self.logFile = logFile }

    private func run(config: String) async throws {
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process.executableURL = URL(fileURLWithPath: CapstanBinary.path)
        process.arguments = ["serve", "--config", config]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let marker = "Capstan API listening on http://127.0.0.1:"
        for _ in 0..<600 {
            let text = log
            if let range = text.range(of: marker), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) {
                self.port = port
                return
            }
            guard process.isRunning else {
                throw FixtureError("capstan serve exited (\(process.terminationStatus)) before listening:\n\(text)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        throw FixtureError("capstan serve did not listen within 30 s:\n\(log)")
    }

    /// Everything logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

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
    func waitForApp(_ name: String, timeout: Duration = .seconds(60), _ condition: (Value) -> Bool) async throws {
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

    /// Stops the process with SIGTERM and waits (at most 10 s); returns its exit status. Still running then, it
    /// is killed and this throws.
    @discardableResult
    func stop() async throws -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            throw FixtureError("capstan serve still ran 10 s after SIGTERM")
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
