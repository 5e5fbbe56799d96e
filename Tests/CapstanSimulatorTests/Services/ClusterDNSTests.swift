import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct ClusterDNSTests {
    typealias F = ServiceFixtures

    struct Lookup: Sendable, CustomStringConvertible {
        var name: String
        var from: String
        /// What the name should resolve to: `web`, `db`, `db-0`, `api`, `kubernetes` or a literal address.
        var expected: [String]
        var description: String { "\(name) from \(from)" }
    }

    /// Namespace `shop` with Service `web` (cluster IP), headless `db` over pods `db-0` and `db-1` (hostname and
    /// subdomain set), ExternalName `alias` → web and `outside` → example.com; namespace `default` with `api`.
    private func cluster() async throws -> SimulatedCluster {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Resource(apiVersion: "v1", kind: "Namespace", name: "shop")])
        let db = ["app": "db"]
        try await cluster.applyAll([
            F.service("web", namespace: "shop", selector: ["app": "web"]),
            F.service("db", namespace: "shop", selector: db, ports: [["port": 5432]], clusterIP: "None"),
            F.service(
                "alias", namespace: "shop", ports: [], type: "ExternalName",
                extra: ["externalName": "web.shop.svc.cluster.local"]),
            F.service(
                "outside", namespace: "shop", ports: [], type: "ExternalName", extra: ["externalName": "example.com"]),
            F.service("api", selector: ["app": "api"]),
            F.pod("db-0", namespace: "shop", labels: db, spec: ["hostname": "db-0", "subdomain": "db"]),
            F.pod("db-1", namespace: "shop", labels: db, spec: ["hostname": "db-1", "subdomain": "db"]),
        ])
        await cluster.advance(by: .seconds(3))
        return cluster
    }

    @Test(arguments: [
        Lookup(name: "web.shop.svc.cluster.local", from: "default", expected: ["web"]),
        Lookup(name: "web.shop.svc.cluster.local.", from: "default", expected: ["web"]),
        Lookup(name: "WEB.Shop.SVC.cluster.local", from: "default", expected: ["web"]),
        Lookup(name: "web.shop.svc", from: "default", expected: ["web"]),
        Lookup(name: "web.shop", from: "default", expected: ["web"]),
        Lookup(name: "web", from: "shop", expected: ["web"]),
        Lookup(name: "web", from: "default", expected: []),
        Lookup(name: "api", from: "default", expected: ["api"]),
        Lookup(name: "api.default", from: "shop", expected: ["api"]),
        Lookup(name: "kubernetes.default.svc.cluster.local", from: "shop", expected: ["kubernetes"]),
        Lookup(name: "kubernetes", from: "default", expected: ["kubernetes"]),
        Lookup(name: "db.shop.svc.cluster.local", from: "default", expected: ["db"]),
        Lookup(name: "db-0.db.shop.svc.cluster.local", from: "default", expected: ["db-0"]),
        Lookup(name: "db-0.db", from: "shop", expected: ["db-0"]),
        Lookup(name: "db-9.db.shop.svc.cluster.local", from: "default", expected: []),
        Lookup(name: "alias.shop", from: "default", expected: ["web"]),
        Lookup(name: "outside.shop", from: "default", expected: []),
        Lookup(name: "10-244-7-9.shop.pod.cluster.local", from: "default", expected: ["10.244.7.9"]),
        Lookup(name: "missing.shop.svc.cluster.local", from: "default", expected: []),
        Lookup(name: "", from: "default", expected: []),
        Lookup(name: "web..shop", from: "default", expected: []),
    ])
    func namesResolveInsideTheSimulation(_ lookup: Lookup) async throws {
        let cluster = try await cluster()
        let ip = { (name: String) async throws -> String in
            try #require(
                try await cluster.object(
                    F.serviceKey(name, namespace: name == "api" || name == "kubernetes" ? "default" : "shop"))?.string(
                        "spec", "clusterIP"))
        }
        let podIP = { (name: String) async throws -> String in
            try #require(try await cluster.object(F.podKey(name, namespace: "shop"))?.string("status", "podIP"))
        }
        var expected: [String] = []
        for entry in lookup.expected {
            switch entry {
            case "web", "api", "kubernetes": expected.append(try await ip(entry))
            case "db": expected += [try await podIP("db-0"), try await podIP("db-1")]
            case "db-0": expected.append(try await podIP("db-0"))
            default: expected.append(entry)
            }
        }
        #expect(await cluster.resolveAll(dnsName: lookup.name, from: lookup.from) == expected.sorted())
        #expect(await cluster.resolve(dnsName: lookup.name, from: lookup.from) == expected.sorted().first)
    }

    @Test(.timeLimit(.minutes(1))) func statefulSetPodsResolveUnderTheirGoverningService() async throws {
        let cluster = try Fixtures.cluster()
        let labels: Value = ["app": "web"]
        try await cluster.applyAll([
            F.service("web", selector: ["app": "web"], clusterIP: "None"),
            Resource(
                apiVersion: "apps/v1", kind: "StatefulSet", namespace: "default", name: "web",
                spec: [
                    "replicas": 2, "serviceName": "web", "selector": ["matchLabels": labels],
                    "template": [
                        "metadata": ["labels": labels],
                        "spec": ["containers": [["name": "app", "image": "nginx:1.27"]]],
                    ],
                ]),
        ])
        await cluster.advance(by: .seconds(10))
        for name in ["web-0", "web-1"] {
            let ip = try #require(try await cluster.object(F.podKey(name))?.string("status", "podIP"))
            #expect(await cluster.resolve(dnsName: "\(name).web.default.svc.cluster.local", from: "shop") == ip)
            #expect(await cluster.resolve(dnsName: "\(name).web", from: "default") == ip)
        }
        #expect(await cluster.resolveAll(dnsName: "web").count == 2)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func theKubernetesServiceHasTheFirstAddressOfTheRange() async throws {
        let cluster = try Fixtures.cluster()
        #expect(await cluster.resolve(dnsName: "kubernetes.default.svc.cluster.local") == "10.96.0.1")
        let endpoints = try #require(try await cluster.object(F.endpointsKey("kubernetes")))
        #expect(
            endpoints.value[path: ["subsets"]]?.arrayValue?.first?["ports"] == [
                ["name": "https", "port": 6443, "protocol": "TCP"]
            ])
    }
}
