import CapstanHTTPClient
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// A running service with the guestbook app synced, and the polling the simulation tests share.
enum SimulationFixtures {
    /// The guestbook (Deployment `frontend` + Service, a ConfigMap) plus a Secret `db` and `extra` files under
    /// `apps/guestbook/`; waits until the app is Healthy (or only Synced), runs `body`, and always stops.
    static func withGuestbook(
        replicas: Int = 2, timeScale: Double = 1, extra: [String: String?] = [:], waitForHealthy: Bool = true,
        _ body: (ServerHarness) async throws -> Void
    ) async throws {
        let git = try GitFixture()
        var files = GuestbookManifests.initial(replicas: replicas)
        files["apps/guestbook/secret.yaml"] = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            stringData:
              password: canary-6f1d2e9a
            """
        files.merge(extra) { _, new in new }
        try git.commit(files, message: "Add guestbook")
        let server = try await ServerHarness.start(git: git, timeScale: timeScale)
        do {
            _ = try await server.waitForApp {
                waitForHealthy
                    ? $0[path: ["health", "status"]] == "Healthy" : $0[path: ["sync", "status"]] == "Synced"
            }
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Polls until exactly `count` pods in `namespace` are Running and Ready (and no other pod exists);
    /// returns their names, sorted.
    static func runningPods(
        _ server: ServerHarness, count: Int, namespace: String = "default", timeout: Duration = .seconds(60),
        excluding excluded: Set<String> = []
    ) async throws -> [String] {
        try await poll(server, "/api/v1/cluster/pods?namespace=\(namespace)", timeout: timeout) { list in
            let pods = list["items"]?.arrayValue ?? []
            let ready = pods.filter { pod in
                pod[path: ["status", "phase"]] == "Running"
                    && (pod[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                        $0["type"] == "Ready" && $0["status"] == "True"
                    }
            }.compactMap { $0[path: ["metadata", "name"]]?.stringValue }
            guard pods.count == count, ready.count == count, excluded.isDisjoint(with: ready) else { return nil }
            return ready.sorted()
        }
    }

    /// Polls `path` every 50 ms until `extract` returns a value (bounded by `timeout`).
    static func poll<T>(
        _ server: ServerHarness, _ path: String, timeout: Duration = .seconds(60), _ extract: (Value) -> T?
    ) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while true {
            let value = try await server.json("GET", path)
            if let found = extract(value) { return found }
            guard ContinuousClock.now < deadline else {
                throw FixtureError("timed out polling \(path); last answer: \(value.jsonString().prefix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

extension ServerHarness {
    /// Sends `json` (when given) as the body of a `method` request to `path`.
    func post(_ path: String, json: String?, method: String = "POST") async throws -> HTTPResponse {
        let body = json.map { Array($0.utf8) } ?? (method == "POST" ? [] : nil)
        let headers = json == nil ? [] : [HTTPHeader(name: "Content-Type", value: "application/json")]
        return try await Self.http.send(HTTPRequest(method: method, url: baseURL + path, headers: headers, body: body))
    }
}
