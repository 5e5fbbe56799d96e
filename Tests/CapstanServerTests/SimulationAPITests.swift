import CapstanCluster
import CapstanCore
import CapstanHTTPClient
import CapstanModel
import CapstanNotifications
import CapstanSimulator
import CapstanStore
import CapstanTestSupport
import Foundation
import Logging
import Testing

@testable import CapstanServer

/// The `/api/v1/sim/…` and single-object `/api/v1/cluster/…` endpoints over HTTP, against the real service.
@Suite(.serialized) struct SimulationAPITests {
    @Test(.timeLimit(.minutes(1))) func requestsSpreadEvenlyOverFourReadyPods() async throws {
        try await SimulationFixtures.withGuestbook(replicas: 4) { server in
            let pods = try await SimulationFixtures.runningPods(server, count: 4)
            let response = try await server.post(
                "/api/v1/sim/services/default/frontend/requests", json: #"{"count": 1000}"#)
            #expect(response.status == 200, "\(response.text)")
            let expected: Value = [
                "service": "default/frontend", "total": 1000,
                "byPod": .object(Dictionary(uniqueKeysWithValues: pods.map { ($0, Value.int(250)) })),
            ]
            #expect(try JSONParser.parse(response.body) == expected)
        }
    }

    @Test func unknownObjectsAnswer404NamingThem() async throws {
        try await SimulationFixtures.withGuestbook { server in try await expectNotFound(server) }
    }

    private func expectNotFound(_ server: ServerHarness) async throws {
        let cases: [(String, String, String)] = [
            ("POST", "/api/v1/sim/pods/default/nope/kill", #"pods "nope" not found in namespace "default""#),
            ("POST", "/api/v1/sim/pods/shop/nope/crash", #"pods "nope" not found in namespace "shop""#),
            ("POST", "/api/v1/sim/nodes/node-9/fail", #"nodes "node-9" not found"#),
            (
                "POST", "/api/v1/sim/nodes/node-1/explode",
                #"unknown node action "explode" (expected fail, recover or drain)"#
            ),
            ("GET", "/api/v1/sim/dns/nope", #"no Service answers to "nope" from namespace "default""#),
            ("GET", "/api/v1/cluster/pods/default/nope", #"pods "nope" not found in namespace "default""#),
            (
                "GET", "/api/v1/cluster/deploy/default/nope/events",
                #"deployments.apps "nope" not found in namespace "default""#
            ),
            ("GET", "/api/v1/cluster/nodes/node-9", #"nodes "node-9" not found"#),
            ("GET", "/api/v1/cluster/widgets/default/x", #"the server doesn't have a resource type "widgets""#),
            (
                "GET", "/api/v1/cluster/nodes/default/node-1",
                "nodes are cluster-scoped: ask for /api/v1/cluster/nodes/NAME"
            ),
        ]
        for (method, path, message) in cases {
            let response = try await server.post(path, json: nil, method: method)
            #expect(response.status == 404, "\(method) \(path): \(response.text)")
            #expect(try JSONParser.parse(response.body) == ["code": 404, "message": .string(message)], "\(path)")
        }
        let namespaced = try await server.request("GET", "/api/v1/cluster/pods/frontend")
        #expect(namespaced.status == 400)
        #expect(namespaced.text.contains("pods are namespaced: ask for /api/v1/cluster/pods/NAMESPACE/frontend"))
        let otherBackend = try await server.request("POST", "/api/v1/sim/nodes/node-1/fail?backend=docker")
        #expect(otherBackend.status == 404)
        #expect(otherBackend.text.contains(#"backend \"docker\" is not configured"#))
    }

    @Test(arguments: [
        ("/api/v1/sim/images/fail", "{", "the request body is not valid JSON: line 1, column 2"),
        ("/api/v1/sim/images/fail", "[]", "the request body must be a JSON object, got array"),
        ("/api/v1/sim/images/fail", "{}", #"field "image" is required"#),
        ("/api/v1/sim/images/ok", #"{"image": 5}"#, #"field "image" must be a string, got number"#),
        (
            "/api/v1/sim/images/fail", #"{"img": "nginx"}"#,
            #"unknown field "img" in the request body (expected "image")"#
        ),
        (
            "/api/v1/sim/services/default/frontend/load", #"{"cpu": 1001}"#,
            #"field "cpu" must be a number from 0 to 1000, got 1001"#
        ),
        (
            "/api/v1/sim/services/default/frontend/load", #"{"cpu": "90"}"#,
            #"field "cpu" must be a number from 0 to 1000, got "90""#
        ),
        (
            "/api/v1/sim/services/default/frontend/requests", #"{"count": 0}"#,
            #"field "count" must be a whole number from 1 to 1000000, got 0"#
        ),
        (
            "/api/v1/sim/services/default/frontend/requests", #"{"count": 2.5}"#,
            #"field "count" must be a whole number from 1 to 1000000, got 2.5"#
        ),
        (
            "/api/v1/sim/services/default/frontend/requests", #"{"cout": 10}"#,
            #"unknown field "cout" in the request body (expected "count")"#
        ),
        ("/api/v1/sim/pods/default/x/crash", #"{"container": ""}"#, #"field "container" must not be empty"#),
    ])
    func wrongBodiesAnswer400NamingTheField(_ path: String, _ body: String, _ message: String) async throws {
        try await SimulationFixtures.withGuestbook { server in
            let response = try await server.post(path, json: body)
            #expect(response.status == 400, "\(response.text)")
            let answer = try JSONParser.parse(response.body)
            #expect(answer["code"] == 400)
            #expect(answer["message"]?.stringValue?.hasPrefix(message) == true, "\(answer)")
        }
    }

    @Test func aBodyOver64KiBIsRefused() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let image = String(repeating: "a", count: 70_000)
            let response = try await server.post("/api/v1/sim/images/fail", json: #"{"image": "\#(image)"}"#)
            #expect(response.status == 413)
            #expect(response.text.contains("the request body is larger than 64 KiB"))
        }
    }

    @Test func imagePullsCanBeTurnedOffAndOn() async throws {
        try await SimulationFixtures.withGuestbook { server in
            let fail = try await server.post("/api/v1/sim/images/fail", json: #"{"image": "nginx:9.9"}"#)
            #expect(fail.status == 200)
            #expect(
                try JSONParser.parse(fail.body)
                    == ["action": "image-fail", "image": "nginx:9.9", "message": "pulls of nginx:9.9 now fail"])
            let ok = try await server.post("/api/v1/sim/images/ok", json: #"{"image": "nginx:9.9"}"#)
            #expect(try JSONParser.parse(ok.body)["message"] == "pulls of nginx:9.9 now succeed")
        }
    }

    @Test func anObjectAndItsEventsAreServedWithSecretsRedacted() async throws {
        try await SimulationFixtures.withGuestbook { server in try await expectObjectAndEvents(server) }
    }

    private func expectObjectAndEvents(_ server: ServerHarness) async throws {
        let pods = try await SimulationFixtures.runningPods(server, count: 2)
        let pod = try await server.json("GET", "/api/v1/cluster/po/default/\(pods[0])")
        #expect(pod["kind"] == "Pod")
        #expect(pod[path: ["metadata", "name"]] == .string(pods[0]))
        let node = try await server.json("GET", "/api/v1/cluster/nodes/node-1")
        #expect(node[path: ["metadata", "name"]] == "node-1")

        let events = try await server.json("GET", "/api/v1/cluster/pods/default/\(pods[0])/events")
        #expect(events["kind"] == "List")
        #expect(events[path: ["metadata", "clusterTime"]]?.stringValue != nil)
        let items = events["items"]?.arrayValue ?? []
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0[path: ["involvedObject", "name"]] == .string(pods[0]) })
        #expect(items.contains { $0["reason"] == "Pulling" })
        let nodeEvents = try await server.json("GET", "/api/v1/cluster/nodes/node-1/events")
        #expect(nodeEvents["items"]?.arrayValue?.allSatisfy { $0[path: ["involvedObject", "kind"]] == "Node" } == true)

        let secret = try await server.request("GET", "/api/v1/cluster/secrets/default/db")
        #expect(secret.status == 200)
        #expect(!secret.text.contains("canary-6f1d2e9a"))
        #expect(!secret.text.contains(Data("canary-6f1d2e9a".utf8).base64EncodedString()))
        #expect(secret.text.contains("<redacted, 15 bytes>"))
    }

    @Test(arguments: [
        (ClusterError.Reason.notFound, 404), (.invalid, 422), (.conflict, 409), (.unsupported, 501),
        (.unavailable, 503), (.corrupt, 500), (.internalError, 500),
    ])
    func clusterErrorsMapToHTTPStatuses(_ reason: ClusterError.Reason, _ status: Int) {
        let key = ResourceKey(group: "", kind: "Pod", namespace: "default", name: "web-1")
        let error = APIError(ClusterError(reason, key: key, "killPod is not implemented yet"))
        #expect(error.status.code == status)
        #expect(error.message == "Pod/default/web-1: killPod is not implemented yet")
    }

    @Test func faultInjectionNeedsTheSimulatedBackend() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try StateStore(path: directory.appendingPathComponent("capstan.sqlite").path)
        let cluster = try SimulatedCluster(options: SimulatedClusterOptions(), store: store)
        let runtime = CapstanRuntime(
            controllers: [], backends: ["simulated": ForwardingBackend(base: cluster)], store: store)
        let settings = ServiceSettings(host: "127.0.0.1", port: 0, stateDirectory: directory.path, apps: [])
        var logger = Logger(label: "capstan.test")
        logger.logLevel = .critical
        let notifier = try Notifier(providers: [], store: store, client: CurlHTTPClient(), logger: logger)
        let app = CapstanServerApp(
            runtime: runtime, cluster: cluster, notifier: notifier, settings: settings, logger: logger)
        let task = Task { try await app.run() }
        defer { task.cancel() }
        var port: Int?
        for _ in 0..<500 where port == nil {
            port = app.port
            if port == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        let base = "http://127.0.0.1:\(try #require(port))"
        for (method, path) in [("POST", "/api/v1/sim/nodes/node-1/fail"), ("GET", "/api/v1/sim/dns/kubernetes")] {
            let response = try await ServerHarness.http.send(
                HTTPRequest(method: method, url: base + path, body: method == "POST" ? [] : nil))
            #expect(response.status == 400)
            #expect(
                try JSONParser.parse(response.body)["message"]
                    == "fault injection needs the simulated backend (\"forwarding\" is not simulated)")
        }
        // Reading still works through any backend.
        let nodes = try await ServerHarness.http.send(HTTPRequest(url: base + "/api/v1/cluster/nodes"))
        #expect(nodes.status == 200)
        await app.shutdown()
        _ = try? await task.value
    }
}

/// A backend that is not the simulated cluster but reads and writes through one (like the benchmark's
/// timing wrapper): the API must refuse fault injection through it.
struct ForwardingBackend: ClusterBackend {
    let base: SimulatedCluster
    var name: String { "forwarding" }

    func get(_ keys: [ResourceKey]) async throws(ClusterError) -> [ResourceKey: Resource] { try await base.get(keys) }
    func list(_ type: ResourceType, namespace: String?) async throws(ClusterError) -> [Resource] {
        try await base.list(type, namespace: namespace)
    }
    func apply(_ resources: [Resource]) async -> [Result<Resource, ClusterError>] { await base.apply(resources) }
    func validate(_ resources: [Resource]) async -> [ClusterError?] { await base.validate(resources) }
    func delete(_ keys: [ResourceKey]) async -> [Result<Void, ClusterError>] { await base.delete(keys) }
    func events() -> AsyncStream<ClusterEvent> { base.events() }
}
