import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct RollingUpdateTests {
    struct Case: Sendable, CustomStringConvertible {
        var strategy: Value?
        var minAvailable: Int
        var maxTotal: Int
        var description: String { "min available \(minAvailable), max total \(maxTotal)" }
    }

    @Test(arguments: [
        Case(
            strategy: ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 2, "maxUnavailable": 1]],
            minAvailable: 9, maxTotal: 12),
        // Defaults: 25% of 10 → surge rounds up to 3, unavailable rounds down to 2.
        Case(strategy: nil, minAvailable: 8, maxTotal: 13),
    ])
    func rollingUpdateStaysWithinItsBounds(_ bounds: Case) async throws {
        let cluster = try Fixtures.cluster(nodes: SimulatedNode.defaults(count: 4))
        var manifest = Fixtures.deployment("web", replicas: 10, strategy: bounds.strategy)
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(3))
        manifest.value[path: ["spec", "template", "spec", "containers"]] = [["name": "app", "image": "nginx:1.28"]]
        try await cluster.applyAll([manifest])

        var sawSurge = false
        for _ in 0..<60 {
            let pods = try await cluster.pods()
            let available = pods.filter(\.isPodReady).count
            #expect(available >= bounds.minAvailable, "available \(available)")
            #expect(pods.count <= bounds.maxTotal, "total \(pods.count)")
            sawSurge = sawSurge || pods.count > 10
            await cluster.advance(by: .milliseconds(500))
        }
        #expect(sawSurge)
        let pods = try await cluster.pods()
        #expect(pods.count == 10)
        #expect(pods.allSatisfy { $0.containers.first?["image"] == "nginx:1.28" && $0.isPodReady })
        let replicaSets = try await cluster.list(ResourceTypes.replicaSet, namespace: "default")
        #expect(replicaSets.count == 2)
        #expect(replicaSets.map { $0.int("spec", "replicas") }.sorted() == [0, 10])
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("status", "updatedReplicas") == 10)
        #expect(deployment.int("status", "availableReplicas") == 10)
        #expect(deployment.revision == 2)
    }

    @Test func revertingTheTemplateReusesTheOldReplicaSet() async throws {
        let cluster = try Fixtures.cluster()
        var manifest = Fixtures.deployment("web", replicas: 2)
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(3))
        let original = try await cluster.list(ResourceTypes.replicaSet, namespace: "default").map(\.name)
        manifest.value[path: ["spec", "template", "spec", "containers"]] = [["name": "app", "image": "nginx:1.28"]]
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(10))
        manifest.value[path: ["spec", "template", "spec", "containers"]] = [["name": "app", "image": "nginx:1.27"]]
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(10))
        let replicaSets = try await cluster.list(ResourceTypes.replicaSet, namespace: "default")
        #expect(replicaSets.count == 2)
        let current = try #require(replicaSets.first { $0.int("spec", "replicas") == 2 })
        #expect(current.name == original.first)
        #expect(current.revision == 3)
    }
}
