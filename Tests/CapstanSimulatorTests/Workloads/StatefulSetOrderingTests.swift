import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// OrderedReady creation, stable identity and scale-down order of StatefulSet pods.
@Suite struct StatefulSetOrderingTests {
    @Test(.timeLimit(.minutes(1)))
    func eachPodWaitsForThePreviousOneToRunWithItsClaimBound() async throws {
        let cluster = try Fixtures.cluster()
        let watch = cluster.events()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])

        // Second by second: which pods exist, and which run (start delay 2 s).
        var timeline: [[String]] = []
        for second in 0...6 {
            if second > 0 { await cluster.advance(by: .seconds(1)) }
            let pods = try await cluster.pods()
            timeline.append(pods.map { "\($0.name):\($0.isPodReady ? "ready" : $0.podPhase)" }.sorted())
            if second == 0 {
                let claim = try #require(try await cluster.object(WorkloadFixtures.claimKey("www-web-0")))
                #expect(claim.string("status", "phase") == "Bound")
                #expect(pods.map(\.name) == ["web-0"])
            }
        }
        #expect(
            timeline == [
                ["web-0:Pending"], ["web-0:Pending"],
                ["web-0:ready", "web-1:Pending"], ["web-0:ready", "web-1:Pending"],
                ["web-0:ready", "web-1:ready", "web-2:Pending"], ["web-0:ready", "web-1:ready", "web-2:Pending"],
                ["web-0:ready", "web-1:ready", "web-2:ready"],
            ])
        let web1 = try #require(try await cluster.object(WorkloadFixtures.podKey("web-1")))
        #expect(web1.creationTimestamp == Fixtures.epoch.addingTimeInterval(2))
        #expect(await cluster.statistics.livelocks == 0)

        // The watch stream shows each claim created before its pod, and web-0's claim bound before web-1 exists.
        await cluster.shutdown()
        var events: [String] = []
        for await event in watch where ["Pod", "PersistentVolumeClaim"].contains(event.key.kind) {
            events.append("\(event.change.rawValue) \(event.key.kind) \(event.key.name)")
        }
        let position = { (entry: String) in events.firstIndex(of: entry) ?? -1 }
        #expect(position("added PersistentVolumeClaim www-web-0") < position("added Pod web-0"))
        #expect(position("modified PersistentVolumeClaim www-web-0") < position("added Pod web-1"))
        #expect(position("added Pod web-0") < position("added PersistentVolumeClaim www-web-1"))
        #expect(position("added PersistentVolumeClaim www-web-1") < position("added Pod web-1"))
        #expect(position("added Pod web-1") < position("added Pod web-2"))
    }

    @Test(.timeLimit(.minutes(1)))
    func aDeletedPodComesBackWithTheSameNameIdentityAndClaim() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])
        await cluster.advance(by: .seconds(6))
        let before = try #require(try await cluster.object(WorkloadFixtures.podKey("web-1")))
        let claimBefore = try #require(try await cluster.object(WorkloadFixtures.claimKey("www-web-1")))

        _ = await cluster.delete([WorkloadFixtures.podKey("web-1")])
        let after = try #require(try await cluster.object(WorkloadFixtures.podKey("web-1")))
        #expect(after.uid != before.uid)
        #expect(after.labels["statefulset.kubernetes.io/pod-name"] == "web-1")
        #expect(after.labels["apps.kubernetes.io/pod-index"] == "1")
        #expect(after.string("spec", "hostname") == "web-1")
        #expect(after.string("spec", "subdomain") == "web")
        #expect(PodVolumeClaims.names(after) == ["www-web-1"])
        let claimAfter = try #require(try await cluster.object(WorkloadFixtures.claimKey("www-web-1")))
        #expect(claimAfter.uid == claimBefore.uid)
        #expect(claimAfter.string("spec", "volumeName") == claimBefore.string("spec", "volumeName"))
        await cluster.advance(by: .seconds(2))
        #expect(try await cluster.pods().filter(\.isPodReady).count == 3)
        #expect(try await cluster.volumes().count == 3)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func scalingDownRemovesTheHighestOrdinalFirstAndKeepsTheClaims() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])
        await cluster.advance(by: .seconds(6))
        let watch = cluster.events()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 1)])
        #expect(try await cluster.podNames() == ["web-0"])
        #expect(try await cluster.claims().map(\.name) == ["www-web-0", "www-web-1", "www-web-2"])
        #expect(await cluster.statistics.livelocks == 0)
        await cluster.shutdown()
        var deleted: [String] = []
        for await event in watch where event.key.kind == "Pod" && event.change == .deleted {
            deleted.append(event.key.name)
        }
        #expect(deleted == ["web-2", "web-1"])
    }

    @Test(.timeLimit(.minutes(1)))
    func scalingBackUpReusesTheRetainedClaims() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])
        await cluster.advance(by: .seconds(6))
        let claims = try await cluster.claims().map(\.uid)
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 1)])
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3)])
        await cluster.advance(by: .seconds(4))
        #expect(try await cluster.pods().filter(\.isPodReady).map(\.name) == ["web-0", "web-1", "web-2"])
        #expect(try await cluster.claims().map(\.uid) == claims)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func parallelPodsStartTogether() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 3, policy: "Parallel")])
        #expect(try await cluster.podNames() == ["web-0", "web-1", "web-2"])
        await cluster.advance(by: .seconds(2))
        #expect(try await cluster.pods().filter(\.isPodReady).count == 3)
        try await cluster.applyAll([WorkloadFixtures.statefulSet(replicas: 0, policy: "Parallel")])
        #expect(try await cluster.pods().isEmpty)
        #expect(await cluster.statistics.livelocks == 0)
    }
}
