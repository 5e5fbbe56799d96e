import CapstanConfig
import CapstanCore
import CapstanHTTPClient
import CapstanModel
import CapstanServer
import CapstanSimulator
import CapstanTestSupport
import Foundation
import Logging

/// The whole service on 127.0.0.1 (`ServerHarness`) with webhook secrets, watching a real git remote with a
/// long poll interval, so only webhooks (or the first sync at start) make it fetch.
final class WebhookHarness: @unchecked Sendable {
    let server: ServerHarness
    var git: GitFixture { server.git }
    var baseURL: String { server.baseURL }
    var port: Int { server.port }
    static var http: CurlHTTPClient { ServerHarness.http }

    /// Secrets for every provider, as the tests sign with them.
    static let secrets: [WebhookSender: String] = [
        .github: "It's a Secret to Everybody", .gitlab: "gitlab-token-7f3a", .gitea: "gitea-secret-91c2",
        .generic: "generic-secret-55d0",
    ]

    static func start(
        git: GitFixture, providers: [WebhookSender] = WebhookSender.allCases, maxBodyBytes: Int = 64 * 1024,
        readTimeout: Duration = .seconds(10)
    ) async throws -> WebhookHarness {
        let server = try await ServerHarness.start(git: git, startDelay: .zero) { settings in
            settings.apps[0].definition.interval = .seconds(3600)
            settings.apps[0].definition.selfHeal = false
            settings.webhooks = WebhookConfiguration(
                secrets: Dictionary(uniqueKeysWithValues: providers.map { ($0.rawValue, .inline(secrets[$0]!)) }),
                maxBodyBytes: maxBodyBytes, readTimeout: readTimeout)
        }
        return WebhookHarness(server: server)
    }

    private init(server: ServerHarness) { self.server = server }

    /// Stops the service gracefully and waits for it; removes its state.
    func stop() async { await server.stop() }

    /// Runs `body`, then stops the service, also when `body` throws.
    func stopping(_ body: () async throws -> Void) async throws { try await server.stopping(body) }

    /// Posts `body` to `/api/v1/webhooks/PATH` with `headers` as they are.
    func post(_ path: String, _ body: String, headers: [HTTPHeader]) async throws -> HTTPResponse {
        try await Self.http.send(
            HTTPRequest(
                method: "POST", url: baseURL + "/api/v1/webhooks/" + path,
                headers: [HTTPHeader("Content-Type", "application/json")] + headers, body: Array(body.utf8)))
    }

    /// Posts `body` signed as `provider` signs it, with the event header of a push unless `event` says otherwise.
    func deliver(
        _ provider: WebhookSender, _ body: String, event: String? = nil, delivery: String? = nil
    ) async throws -> HTTPResponse {
        try await post(
            provider.rawValue, body,
            headers: try WebhookSigner.headers(provider, body: body, event: event, delivery: delivery))
    }

    func json(_ path: String) async throws -> Value { try await server.json("GET", path) }

    /// Polls the app until it is synced to `revision` (bounded).
    @discardableResult
    func waitForRevision(_ revision: String, timeout: Duration = .seconds(60)) async throws -> Value {
        let deadline = ContinuousClock.now + timeout
        while true {
            let app = try await json("/api/v1/apps/guestbook")
            if app[path: ["sync", "revision"]] == .string(revision) { return app }
            guard ContinuousClock.now < deadline else {
                throw FixtureError("the app did not reach \(revision) in time; it is \(app.jsonString())")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The newest history entry once it records `revision` (bounded; the status can be served a moment before
    /// the history entry is stored).
    func latestSync(of revision: String, timeout: Duration = .seconds(60)) async throws -> Value {
        let deadline = ContinuousClock.now + timeout
        while true {
            let latest = try await history().first
            if let latest, latest[path: ["revision", "id"]] == .string(revision) { return latest }
            guard ContinuousClock.now < deadline else {
                throw FixtureError("no history entry for \(revision); the newest is \(latest?.jsonString() ?? "none")")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The app's sync history, newest first.
    func history() async throws -> [Value] {
        try await json("/api/v1/apps/guestbook/history?limit=1000")["items"]?.arrayValue ?? []
    }
}
