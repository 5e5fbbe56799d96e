import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct EndpointsTests {
    typealias F = ServiceFixtures

    @Test(.timeLimit(.minutes(1))) func endpointsHoldOnlyReadyPods() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            F.service("web", selector: ["app": "web"], ports: [["port": 80, "targetPort": 8080]]),
            F.deployment("web", replicas: 3, readyAfter: 5),
        ])
        // Pending pods have no IP: no address at all.
        var endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.value["subsets"] == nil)

        // Running from 2 s, Ready from 7 s: listed as not ready in between.
        await cluster.advance(by: .seconds(3))
        var pods = try await cluster.pods().map(\.name).sorted()
        endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: false) == pods)
        #expect(endpoints.endpointPods(ready: true).isEmpty)
        await cluster.advance(by: .seconds(4))
        endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: true) == pods)
        #expect(endpoints.endpointPods(ready: false).isEmpty)
        let subset = try #require(endpoints.value["subsets"]?.arrayValue?.first)
        #expect(subset["ports"] == [["port": 8080, "protocol": "TCP"]])
        let pod = try #require(try await cluster.object(F.podKey(pods[0])))
        let address = try #require(
            subset["addresses"]?.arrayValue?.first { $0[path: ["targetRef", "name"]] == .string(pod.name) })
        #expect(address["ip"] == pod.value[path: ["status", "podIP"]])
        #expect(address["nodeName"] == .string(pod.nodeName))
        #expect(
            address["targetRef"] == [
                "kind": "Pod", "namespace": "default", "name": .string(pod.name), "uid": .string(pod.uid),
            ])

        // A deleted pod leaves at once; its replacement is listed once it has an IP, ready once Ready.
        _ = await cluster.delete([F.podKey(pods[0])])
        endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: true) == Array(pods.dropFirst()))
        #expect(endpoints.endpointPods(ready: false).isEmpty)
        await cluster.advance(by: .seconds(2))
        pods = try await cluster.pods().map(\.name).sorted()
        endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: false).count == 1)
        await cluster.advance(by: .seconds(5))
        endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: true) == pods)

        // A pod relabelled out of the selector leaves.
        var relabelled = try #require(try await cluster.object(F.podKey(pods[1])))
        relabelled.labels = ["app": "debug"]
        try await cluster.applyAll([relabelled])
        endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: true) == pods.filter { $0 != pods[1] })
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1))) func publishNotReadyAddressesListsStartingPodsAsReady() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            F.service("web", selector: ["app": "web"], extra: ["publishNotReadyAddresses": true]),
            F.deployment("web", replicas: 2, readyAfter: 30),
        ])
        await cluster.advance(by: .seconds(3))
        let endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: true) == (try await cluster.pods().map(\.name).sorted()))
        #expect(endpoints.endpointPods(ready: false).isEmpty)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func endpointsCarryTheServiceLabelsAndFollowItsSelector() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            F.service("web", selector: ["app": "web"], labels: ["team": "shop"]),
            F.service("peers", selector: ["app": "web"], clusterIP: "None"),
            F.deployment("web", replicas: 2), F.deployment("api", replicas: 1),
        ])
        await cluster.advance(by: .seconds(3))
        let web = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(web.labels == ["team": "shop"])
        let peers = try #require(try await cluster.object(F.endpointsKey("peers")))
        #expect(peers.labels == [EndpointsController.headlessLabel: ""])
        #expect(peers.endpointPods().count == 2)

        // A new selector is applied to the pods at once.
        try await cluster.applyAll([F.service("web", selector: ["app": "api"], labels: ["team": "shop"])])
        let api = try await cluster.pods().filter { $0.labels["app"] == "api" }.map(\.name)
        #expect(try await cluster.object(F.endpointsKey("web"))?.endpointPods() == api)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func servicesWithoutSelectorKeepTheirEndpointsUntilDeleted() async throws {
        let cluster = try Fixtures.cluster()
        var manual = Resource(apiVersion: "v1", kind: "Endpoints", namespace: "default", name: "external-db")
        manual.value["subsets"] = [
            ["addresses": [["ip": "192.0.2.10"]], "ports": [["port": 5432, "protocol": "TCP"]]]
        ]
        try await cluster.applyAll([F.service("external-db", ports: [["port": 5432]]), manual])
        try await cluster.applyAll([F.deployment("web", replicas: 1)])
        await cluster.advance(by: .seconds(3))
        let stored = try #require(try await cluster.object(F.endpointsKey("external-db")))
        #expect(stored.value["subsets"] == manual.value["subsets"])

        let distribution = try await cluster.sendRequests(service: F.serviceKey("external-db"), count: 3)
        #expect(distribution.byPod == ["192.0.2.10": 3])

        _ = await cluster.delete([F.serviceKey("external-db")])
        #expect(try await cluster.object(F.endpointsKey("external-db")) == nil)
    }

    @Test func deletingAServiceDeletesItsEndpointsAndAnOrphanIsLeftAlone() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([F.service("web", selector: ["app": "web"]), F.deployment("web", replicas: 1)])
        await cluster.advance(by: .seconds(3))
        #expect(try await cluster.object(F.endpointsKey("web")) != nil)
        _ = await cluster.delete([F.serviceKey("web")])
        #expect(try await cluster.object(F.endpointsKey("web")) == nil)

        var orphan = Resource(apiVersion: "v1", kind: "Endpoints", namespace: "default", name: "no-service")
        orphan.value["subsets"] = [["addresses": [["ip": "192.0.2.20"]], "ports": [["port": 80, "protocol": "TCP"]]]]
        try await cluster.applyAll([orphan])
        #expect(try await cluster.object(F.endpointsKey("no-service")) != nil)
    }

    @Test func deletingANamespaceLeavesNoEndpointsBehind() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Resource(apiVersion: "v1", kind: "Namespace", name: "shop")])
        try await cluster.applyAll([
            F.service("web", namespace: "shop", selector: ["app": "web"]),
            F.deployment("web", namespace: "shop", replicas: 2),
        ])
        await cluster.advance(by: .seconds(3))
        #expect(try await cluster.object(F.endpointsKey("web", namespace: "shop"))?.endpointPods().count == 2)
        _ = await cluster.delete([ResourceKey(group: "", kind: "Namespace", namespace: "", name: "shop")])
        #expect(try await cluster.list(ResourceTypes.endpoints, namespace: "shop").isEmpty)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func deletedEndpointsOfASelectorServiceAreRecreated() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([F.service("web", selector: ["app": "web"]), F.deployment("web", replicas: 2)])
        await cluster.advance(by: .seconds(3))
        let before = try #require(try await cluster.object(F.endpointsKey("web")))
        _ = await cluster.delete([F.endpointsKey("web")])
        let after = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(after.value["subsets"] == before.value["subsets"])
        #expect(after.uid != before.uid)
    }
}
