import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct ServiceEnvironmentTests {
    typealias F = ServiceFixtures

    static let kubernetes = [
        "KUBERNETES_SERVICE_HOST": "10.96.0.1", "KUBERNETES_SERVICE_PORT": "443",
        "KUBERNETES_SERVICE_PORT_HTTPS": "443", "KUBERNETES_PORT": "tcp://10.96.0.1:443",
        "KUBERNETES_PORT_443_TCP": "tcp://10.96.0.1:443", "KUBERNETES_PORT_443_TCP_PROTO": "tcp",
        "KUBERNETES_PORT_443_TCP_PORT": "443", "KUBERNETES_PORT_443_TCP_ADDR": "10.96.0.1",
    ]

    /// The variables of `web` (two named ports, one UDP) and `db-main` (one unnamed port) at their cluster IPs.
    static func expected(web: String, db: String) -> [String: String] {
        [
            "WEB_SERVICE_HOST": web, "WEB_SERVICE_PORT": "80", "WEB_SERVICE_PORT_HTTP": "80",
            "WEB_SERVICE_PORT_METRICS_UDP": "9100",
            "WEB_PORT": "tcp://\(web):80",
            "WEB_PORT_80_TCP": "tcp://\(web):80", "WEB_PORT_80_TCP_PROTO": "tcp", "WEB_PORT_80_TCP_PORT": "80",
            "WEB_PORT_80_TCP_ADDR": web,
            "WEB_PORT_9100_UDP": "udp://\(web):9100", "WEB_PORT_9100_UDP_PROTO": "udp",
            "WEB_PORT_9100_UDP_PORT": "9100", "WEB_PORT_9100_UDP_ADDR": web,
            "DB_MAIN_SERVICE_HOST": db, "DB_MAIN_SERVICE_PORT": "5432", "DB_MAIN_PORT": "tcp://\(db):5432",
            "DB_MAIN_PORT_5432_TCP": "tcp://\(db):5432", "DB_MAIN_PORT_5432_TCP_PROTO": "tcp",
            "DB_MAIN_PORT_5432_TCP_PORT": "5432", "DB_MAIN_PORT_5432_TCP_ADDR": db,
        ]
    }

    private func cluster() async throws -> SimulatedCluster {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Resource(apiVersion: "v1", kind: "Namespace", name: "shop")])
        try await cluster.applyAll([
            F.service(
                "web", selector: ["app": "web"],
                ports: [["name": "http", "port": 80], ["name": "metrics-udp", "port": 9100, "protocol": "UDP"]]),
            F.service("db-main", selector: ["app": "db"], ports: [["port": 5432]]),
            F.service("peers", selector: ["app": "db"], clusterIP: "None"),
            F.service("alias", ports: [], type: "ExternalName", extra: ["externalName": "example.com"]),
            F.service("cart", namespace: "shop", selector: ["app": "cart"]),
        ])
        return cluster
    }

    private func clusterIP(_ cluster: SimulatedCluster, _ name: String) async throws -> String {
        try #require(try await cluster.object(F.serviceKey(name))?.string("spec", "clusterIP"))
    }

    @Test func variablesFollowTheKubeletsRules() async throws {
        let cluster = try await cluster()
        let web = try await clusterIP(cluster, "web")
        let db = try await clusterIP(cluster, "db-main")
        let pod = F.pod("p", labels: [:])
        let variables = await cluster.inspect { ServiceEnvironment.variables(for: pod, in: $0) }
        #expect(variables == Self.expected(web: web, db: db).merging(Self.kubernetes) { a, _ in a })
    }

    struct Case: Sendable, CustomStringConvertible {
        var namespace: String
        var enableServiceLinks: Bool?
        var prefixes: Set<String>
        var description: String { "\(namespace), enableServiceLinks \(enableServiceLinks.map(String.init) ?? "unset")" }
    }

    @Test(arguments: [
        Case(namespace: "default", enableServiceLinks: nil, prefixes: ["WEB", "DB", "KUBERNETES"]),
        Case(namespace: "default", enableServiceLinks: true, prefixes: ["WEB", "DB", "KUBERNETES"]),
        Case(namespace: "default", enableServiceLinks: false, prefixes: ["KUBERNETES"]),
        Case(namespace: "shop", enableServiceLinks: nil, prefixes: ["CART", "KUBERNETES"]),
        Case(namespace: "shop", enableServiceLinks: false, prefixes: ["KUBERNETES"]),
    ])
    func serviceLinksAreLimitedToTheNamespaceAndCanBeTurnedOff(_ test: Case) async throws {
        let cluster = try await cluster()
        let spec: Value = test.enableServiceLinks.map { ["enableServiceLinks": .bool($0)] } ?? [:]
        let pod = F.pod("p", namespace: test.namespace, labels: [:], spec: spec)
        let variables = await cluster.inspect { ServiceEnvironment.variables(for: pod, in: $0) }
        let prefixes = Set(variables.keys.map { String($0.split(separator: "_").first!) })
        #expect(prefixes == test.prefixes)
    }

    @Test func onlyServicesThatExistWhenContainersStartAreListed() async throws {
        let cluster = try Fixtures.cluster()
        let pod = F.pod("p", labels: [:])
        let before = await cluster.inspect { ServiceEnvironment.variables(for: pod, in: $0) }
        try await cluster.applyAll([F.service("web", selector: ["app": "web"])])
        let after = await cluster.inspect { ServiceEnvironment.variables(for: pod, in: $0) }
        #expect(before == Self.kubernetes)
        #expect(after["WEB_SERVICE_HOST"] == (try await clusterIP(cluster, "web")))
        #expect(after["WEB_SERVICE_PORT"] == "80")
    }

    /// End to end through the kubelet: each pod's variables are those of the Services that existed when its
    /// container started.
    @Test(.timeLimit(.minutes(1))) func podsCreatedAfterTheServiceGetItsVariables() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([F.deployment("early", replicas: 1)])
        await cluster.advance(by: .seconds(3))
        try await cluster.applyAll([F.service("web", selector: ["app": "web"])])
        try await cluster.applyAll([F.deployment("late", replicas: 1)])
        await cluster.advance(by: .seconds(3))
        let pods = try await cluster.pods()
        let early = try #require(pods.first { $0.labels["app"] == "early" })
        let late = try #require(pods.first { $0.labels["app"] == "late" })
        let earlyStart = try #require(early.container()?.runningSince)
        let lateStart = try #require(late.container()?.runningSince)
        let earlyVariables = await cluster.inspect {
            ServiceEnvironment.variables(for: early, in: $0, startedAt: earlyStart)
        }
        let lateVariables = await cluster.inspect {
            ServiceEnvironment.variables(for: late, in: $0, startedAt: lateStart)
        }
        #expect(earlyVariables["WEB_SERVICE_HOST"] == nil)
        #expect(earlyVariables["KUBERNETES_SERVICE_HOST"] == "10.96.0.1")
        #expect(lateVariables["WEB_SERVICE_HOST"] == (try await clusterIP(cluster, "web")))
        #expect(lateVariables["WEB_PORT"] == "tcp://\(try await clusterIP(cluster, "web")):80")
        #expect(await cluster.statistics.livelocks == 0)
    }
}
