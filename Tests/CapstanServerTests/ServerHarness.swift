import CapstanCore
import CapstanHTTPClient
import CapstanModel
import CapstanServer
import CapstanSimulator
import CapstanTestSupport
import Foundation
import Logging

/// The whole service on 127.0.0.1 with an ephemeral port, watching a real git remote, as `capstan serve`
/// runs it; stopped by `stop()`.
final class ServerHarness: @unchecked Sendable {
    let git: GitFixture
    let app: CapstanServerApp
    let stateDirectory: URL
    let baseURL: String
    let port: Int
    private let task: Task<Void, any Error>
    static let http = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(30)))

    static func start(
        git: GitFixture, stateDirectory: String? = nil, timeScale: Double = 1,
        startDelay: Duration = .milliseconds(200), waitForLock: Bool = true,
        configure: (inout ServiceSettings) -> Void = { _ in }
    ) async throws -> ServerHarness {
        let directory =
            stateDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("capstan-server-\(UUID().uuidString)")
        var settings = ServiceSettings(
            host: "127.0.0.1", port: 0, stateDirectory: directory.path,
            simulated: SimulatedClusterOptions(startDelay: startDelay, nodes: SimulatedNode.defaults(count: 3)),
            timeScale: timeScale,
            apps: [
                AppSettings(
                    definition: AppDefinition(
                        name: "guestbook", source: AppSource(repo: git.url, ref: "main", path: "apps/guestbook"),
                        interval: .seconds(60), prune: true, selfHeal: true))
            ])
        configure(&settings)
        var logger = Logger(label: "capstan.test")
        logger.logLevel = .critical
        let app =
            waitForLock
            ? try await buildWaitingForTheLock(settings, logger: logger)
            : try await CapstanServerApp.build(settings, logger: logger)
        let task = Task { try await app.run() }
        for _ in 0..<3000 {
            if let port = app.port {
                return ServerHarness(git: git, app: app, directory: directory, port: port, task: task)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        throw FixtureError("the server did not start listening within 5 s")
    }

    /// Builds the service; while a service this process stopped a moment ago still holds the state lock (its
    /// run is unwinding), tries again for up to 10 s.
    private static func buildWaitingForTheLock(_ settings: ServiceSettings, logger: Logger) async throws
        -> CapstanServerApp
    {
        for _ in 0..<200 {
            do {
                return try await CapstanServerApp.build(settings, logger: logger)
            } catch let error as ServiceError where "\(error)".contains("holds capstan.lock") {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        return try await CapstanServerApp.build(settings, logger: logger)
    }

    private init(git: GitFixture, app: CapstanServerApp, directory: URL, port: Int, task: Task<Void, any Error>) {
        self.git = git
        self.app = app
        self.stateDirectory = directory
        self.baseURL = "http://127.0.0.1:\(port)"
        self.port = port
        self.task = task
    }

    /// Runs `body`, then stops the service, also when `body` throws; `keepState` leaves the state directory
    /// for a service started again on it.
    func stopping(keepState: Bool = false, _ body: () async throws -> Void) async throws {
        do { try await body() } catch {
            await stop()
            throw error
        }
        if keepState {
            await app.shutdown()
            _ = try? await task.value
        } else {
            await stop()
        }
    }

    /// Stops the service gracefully and waits for it; removes its state.
    func stop() async {
        await app.shutdown()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: stateDirectory)
    }

    func request(_ method: String = "GET", _ path: String) async throws -> HTTPResponse {
        try await Self.http.send(HTTPRequest(method: method, url: baseURL + path, body: method == "POST" ? [] : nil))
    }

    func json(_ method: String = "GET", _ path: String) async throws -> Value {
        let response = try await request(method, path)
        guard response.status == 200 else {
            throw FixtureError("\(method) \(path): HTTP \(response.status): \(response.text)")
        }
        return try JSONParser.parse(response.body)
    }

    /// Polls the app until `condition` holds (bounded).
    func waitForApp(timeout: Duration = .seconds(60), _ condition: (Value) -> Bool) async throws -> Value {
        let deadline = ContinuousClock.now + timeout
        while true {
            let app = try await json("GET", "/api/v1/apps/guestbook")
            if condition(app) { return app }
            guard ContinuousClock.now < deadline else {
                throw FixtureError("timed out; the app is \(app.jsonString())")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
