import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// `capstan sim kill-pod`: the pod is gone at once and its owner replaces it within the same call.
@Suite struct KillPodTests {
    @Test func killedPodsAreReplacedOnTheNextControllerPass() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 5)])
        await cluster.advance(toSecond: 5)
        let victims = try await cluster.pods().prefix(3).map(\.key)
        for victim in victims {
            try await cluster.killPod(victim)
            let pods = try await cluster.pods()
            #expect(pods.count == 5)
            #expect(!pods.contains { $0.key == victim })
        }
        let replacements = try await cluster.pods().filter { !$0.isPodReady }
        #expect(replacements.count == 3)
        #expect(replacements.allSatisfy { !$0.nodeName.isEmpty })
        await cluster.advance(toSecond: 7)
        #expect(try await cluster.pods().filter(\.isPodReady).count == 5)
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("status", "availableReplicas") == 5)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func killingWhatIsNotAPodFails() async throws {
        let cluster = try Fixtures.cluster()
        await #expect(throws: ClusterError.self) { try await cluster.killPod(KubeletFixtures.podKey("missing")) }
        await #expect(throws: ClusterError.self) { try await cluster.killPod(Fixtures.deploymentKey("web")) }
    }
}
