import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// StatefulSet updates: RollingUpdate from the highest ordinal down, the partition, OnDelete, revisions
/// and status.
@Suite struct StatefulSetUpdateTests {
    /// The image each pod runs, by name.
    static func images(_ cluster: SimulatedCluster) async throws -> [String: String] {
        var images: [String: String] = [:]
        for pod in try await cluster.pods() { images[pod.name] = pod.containers.first?["image"]?.stringValue }
        return images
    }

    static func set(_ cluster: SimulatedCluster) async throws -> Resource {
        try #require(try await cluster.object(WorkloadFixtures.statefulSetKey()))
    }

    @Test(.timeLimit(.minutes(1)))
    func aRollingUpdateReplacesPodsFromTheHighestOrdinalOneAtATime() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])
        await cluster.advance(by: .seconds(6))
        let oldRevision = try await Self.set(cluster).string("status", "currentRevision")
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3, image: "nginx:1.28")])

        let old = "nginx:1.27"
        let new = "nginx:1.28"
        var steps: [[String: String]] = []
        for second in 0...6 {
            if second > 0 { await cluster.advance(by: .seconds(1)) }
            steps.append(try await Self.images(cluster))
        }
        #expect(steps[0] == ["web-0": old, "web-1": old, "web-2": new])
        #expect(steps[1] == steps[0])
        #expect(steps[2] == ["web-0": old, "web-1": new, "web-2": new])
        #expect(steps[4] == ["web-0": new, "web-1": new, "web-2": new])
        #expect(try await cluster.pods().filter(\.isPodReady).count == 3)

        let status = try await Self.set(cluster)
        #expect(status.string("status", "currentRevision") == status.string("status", "updateRevision"))
        #expect(status.string("status", "currentRevision") != oldRevision)
        #expect(status.int("status", "updatedReplicas") == 3)
        #expect(status.int("status", "currentReplicas") == 3)
        #expect(status.int("status", "observedGeneration") == status.generation)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aPartitionKeepsTheLowerOrdinalsOnTheCurrentRevision() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])
        await cluster.advance(by: .seconds(6))
        let partitioned: Value = ["type": "RollingUpdate", "rollingUpdate": ["partition": 2]]
        try await cluster.applyAll([
            WorkloadFixtures.statefulSet(replicas: 3, image: "nginx:1.28", updateStrategy: partitioned)
        ])
        await cluster.advance(by: .seconds(10))
        #expect(
            try await Self.images(cluster) == ["web-0": "nginx:1.27", "web-1": "nginx:1.27", "web-2": "nginx:1.28"])
        var status = try await Self.set(cluster)
        #expect(status.int("status", "currentReplicas") == 2)
        #expect(status.int("status", "updatedReplicas") == 1)
        #expect(status.string("status", "currentRevision") != status.string("status", "updateRevision"))

        // A pod below the partition comes back from the current revision.
        _ = await cluster.delete([WorkloadFixtures.podKey("web-0")])
        #expect(try await Self.images(cluster)["web-0"] == "nginx:1.27")

        // Lowering the partition finishes the rollout.
        try await cluster.applyAll([
            WorkloadFixtures.statefulSet(
                replicas: 3, image: "nginx:1.28",
                updateStrategy: ["type": "RollingUpdate", "rollingUpdate": ["partition": 0]])
        ])
        await cluster.advance(by: .seconds(10))
        #expect(try await Self.images(cluster).values.allSatisfy { $0 == "nginx:1.28" })
        status = try await Self.set(cluster)
        #expect(status.string("status", "currentRevision") == status.string("status", "updateRevision"))
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func onDeleteUpdatesOnlyPodsDeletedByHand() async throws {
        let cluster = try Fixtures.cluster()
        let onDelete: Value = ["type": "OnDelete"]
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 2, updateStrategy: onDelete)])
        await cluster.advance(by: .seconds(4))
        try await cluster.applyAll([
            WorkloadFixtures.statefulSet(replicas: 2, image: "nginx:1.28", updateStrategy: onDelete)
        ])
        await cluster.advance(by: .seconds(30))
        #expect(try await Self.images(cluster) == ["web-0": "nginx:1.27", "web-1": "nginx:1.27"])
        _ = await cluster.delete([WorkloadFixtures.podKey("web-1")])
        #expect(try await Self.images(cluster) == ["web-0": "nginx:1.27", "web-1": "nginx:1.28"])
        let status = try await Self.set(cluster)
        #expect(status.int("status", "updatedReplicas") == 1)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func revisionsAreControllerRevisionsOwnedByTheSet() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 1)])
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 1, image: "nginx:1.28")])
        let type = ResourceType(group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions")
        let revisions = try await cluster.list(type, namespace: "default").sorted {
            $0.int("revision") < $1.int("revision")
        }
        #expect(revisions.map { $0.int("revision") } == [1, 2])
        let set = try await Self.set(cluster)
        #expect(revisions.last?.name == set.string("status", "updateRevision"))
        #expect(revisions.allSatisfy { $0.ownerReferences.first?.uid == set.uid })
        #expect(
            revisions.last?.value[path: ["data", "spec", "template", "spec", "containers"]]?.arrayValue?.first?["image"]
                == "nginx:1.28")
        // web-0 was not ready yet: the update waits for it, then replaces it.
        var pod = try #require(try await cluster.object(WorkloadFixtures.podKey("web-0")))
        #expect(pod.labels["controller-revision-hash"] == revisions.first?.name)
        await cluster.advance(by: .seconds(2))
        pod = try #require(try await cluster.object(WorkloadFixtures.podKey("web-0")))
        #expect(pod.labels["controller-revision-hash"] == set.string("status", "updateRevision"))
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func deletingTheSetKeepsItsClaimsByDefault() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 2, policy: "Parallel")])
        _ = await cluster.delete([WorkloadFixtures.statefulSetKey()])
        #expect(try await cluster.pods().isEmpty)
        let type = ResourceType(group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions")
        #expect(try await cluster.list(type, namespace: "default").isEmpty)
        #expect(try await cluster.claims().map(\.name) == ["www-web-0", "www-web-1"])
        #expect(try await cluster.volumes().allSatisfy { $0.string("status", "phase") == "Bound" })
    }

    @Test(arguments: [("whenDeleted", true), ("whenScaled", false)])
    func aDeleteRetentionPolicyDeletesTheClaims(_ field: String, _ deleteSet: Bool) async throws {
        let cluster = try Fixtures.cluster()
        let retention: Value = [field: "Delete"]
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 2, policy: "Parallel", retention: retention)]
        )
        if deleteSet {
            _ = await cluster.delete([WorkloadFixtures.statefulSetKey()])
            #expect(try await cluster.claims().isEmpty)
        } else {
            try await cluster.applyAll([
                WorkloadFixtures.statefulSet(replicas: 1, policy: "Parallel", retention: retention)
            ])
            #expect(try await cluster.claims().map(\.name) == ["www-web-0"])
        }
        // The provisioned volumes go with their claims (the class reclaims with Delete).
        #expect(try await cluster.volumes().count == (deleteSet ? 0 : 1))
    }
}
