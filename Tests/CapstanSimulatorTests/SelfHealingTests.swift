import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct SelfHealingTests {
    @Test func deletedPodsAreReplacedAtOnce() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 5)])
        await cluster.advance(by: .seconds(3))
        let before = try await cluster.pods()
        let victims = before.prefix(3).map(\.key)
        _ = await cluster.delete(Array(victims))
        let after = try await cluster.pods()
        #expect(after.count == 5)
        #expect(Set(after.map(\.key)).isDisjoint(with: victims))
        await cluster.advance(by: .seconds(2))
        #expect(try await cluster.pods().filter(\.isPodReady).count == 5)
    }

    @Test func deletingADeploymentCollectsItsReplicaSetsAndPods() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
        await cluster.advance(by: .seconds(3))
        _ = await cluster.delete([Fixtures.deploymentKey("web")])
        #expect(try await cluster.pods().isEmpty)
        #expect(try await cluster.list(ResourceTypes.replicaSet, namespace: nil).isEmpty)
    }

    @Test func deletingANamespaceDeletesItsContents() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Resource(apiVersion: "v1", kind: "Namespace", name: "shop")])
        try await cluster.applyAll([Fixtures.deployment("web", namespace: "shop", replicas: 2)])
        _ = await cluster.delete([ResourceKey(group: "", kind: "Namespace", namespace: "", name: "shop")])
        #expect(try await cluster.pods(namespace: "shop").isEmpty)
        #expect(try await cluster.object(Fixtures.deploymentKey("web", namespace: "shop")) == nil)
    }
}
