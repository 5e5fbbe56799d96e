import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

/// The Deployment controller copies a Deployment's annotations onto the ReplicaSet of its current template and
/// keeps them in step (Kubernetes' `SetNewReplicaSetAnnotations`), except those it manages itself and kubectl's
/// last-applied copy; old ReplicaSets keep what they had.
@Suite struct ReplicaSetAnnotationTests {
    static func deployment(image: String = "nginx:1.27", annotations: [String: String]) -> Resource {
        var manifest = Fixtures.deployment("web", replicas: 2, image: image)
        manifest.annotations = annotations
        return manifest
    }

    static func replicaSets(_ cluster: SimulatedCluster) async throws -> [Resource] {
        try await cluster.list(ResourceTypes.replicaSet, namespace: "default").sorted { $0.revision < $1.revision }
    }

    @Test func aNewReplicaSetGetsTheDeploymentsAnnotations() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            Self.deployment(annotations: [
                "capstan.io/app": "shop", "capstan.io/revision": "aaaa",
                "kubectl.kubernetes.io/last-applied-configuration": "{}",
                "deployment.kubernetes.io/revision": "99",
            ])
        ])
        let replicaSet = try #require(try await Self.replicaSets(cluster).first)
        #expect(replicaSet.annotations["capstan.io/app"] == "shop")
        #expect(replicaSet.annotations["capstan.io/revision"] == "aaaa")
        #expect(replicaSet.annotations["kubectl.kubernetes.io/last-applied-configuration"] == nil)
        // The controller's own: the ReplicaSet's revision, not the one the manifest tried to set.
        #expect(replicaSet.annotations["deployment.kubernetes.io/revision"] == "1")
        #expect(replicaSet.annotations["deployment.kubernetes.io/desired-replicas"] == "2")
    }

    @Test func theCurrentReplicaSetFollowsAnAnnotationChangeWithoutARollout() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Self.deployment(annotations: ["capstan.io/revision": "aaaa"])])
        await cluster.advance(by: .seconds(5))
        let podsBefore = try await cluster.pods().map(\.name).sorted()

        try await cluster.applyAll([Self.deployment(annotations: ["capstan.io/revision": "bbbb"])])
        await cluster.advance(by: .seconds(5))
        let replicaSets = try await Self.replicaSets(cluster)
        #expect(replicaSets.count == 1)
        #expect(replicaSets.first?.annotations["capstan.io/revision"] == "bbbb")
        #expect(replicaSets.first?.annotations["deployment.kubernetes.io/revision"] == "1")
        #expect(try await cluster.pods().map(\.name).sorted() == podsBefore)
    }

    @Test func aNewTemplateStampsOnlyTheNewReplicaSet() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Self.deployment(annotations: ["capstan.io/revision": "aaaa"])])
        await cluster.advance(by: .seconds(5))
        try await cluster.applyAll([Self.deployment(image: "nginx:1.28", annotations: ["capstan.io/revision": "cccc"])])
        await cluster.advance(by: .seconds(30))
        let replicaSets = try await Self.replicaSets(cluster)
        #expect(replicaSets.map { $0.annotations["capstan.io/revision"] } == ["aaaa", "cccc"])

        // Back to the first template (a rollback): the old ReplicaSet is the new one again and is stamped.
        try await cluster.applyAll([Self.deployment(annotations: ["capstan.io/revision": "dddd"])])
        await cluster.advance(by: .seconds(30))
        let after = try await Self.replicaSets(cluster)
        #expect(after.map { $0.annotations["capstan.io/revision"] } == ["cccc", "dddd"])
        #expect(after.last?.annotations["deployment.kubernetes.io/revision"] == "3")
    }
}
