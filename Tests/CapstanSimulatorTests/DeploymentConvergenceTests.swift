import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct DeploymentConvergenceTests {
    @Test func podsRunAndBecomeReadyAfterTheStartDelay() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])

        var pods = try await cluster.pods()
        #expect(pods.count == 3)
        #expect(pods.allSatisfy { $0.podPhase == "Pending" && !$0.nodeName.isEmpty })
        #expect(
            pods.allSatisfy {
                $0.value[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: [
                    "state", "waiting", "reason",
                ]]
                    == "ContainerCreating"
            })

        await cluster.advance(by: .milliseconds(1999))
        pods = try await cluster.pods()
        #expect(pods.allSatisfy { $0.podPhase == "Pending" })

        await cluster.advance(by: .milliseconds(1))
        pods = try await cluster.pods()
        #expect(pods.allSatisfy { $0.podPhase == "Running" && $0.isPodReady })
        #expect(Set(pods.map(\.nodeName)).count == 3, "replicas spread over the three nodes")

        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("status", "replicas") == 3)
        #expect(deployment.int("status", "updatedReplicas") == 3)
        #expect(deployment.int("status", "availableReplicas") == 3)
        #expect(deployment.int("status", "observedGeneration") == 1)
        let progressing = deployment.value[path: ["status", "conditions"]]?.arrayValue?.first {
            $0["type"] == "Progressing"
        }
        #expect(progressing?["reason"] == "NewReplicaSetAvailable")
    }

    @Test func applyingTheSameManifestTwiceWritesNothing() async throws {
        let cluster = try Fixtures.cluster()
        let manifest = Fixtures.deployment("web", replicas: 2)
        let first = try await cluster.applyAll([manifest])[0]
        await cluster.advance(by: .seconds(5))
        let settled = try #require(try await cluster.object(first.key))
        let writesBefore = await cluster.statistics.objectWrites
        let second = try await cluster.applyAll([manifest])[0]
        #expect(second.resourceVersion == settled.resourceVersion)
        #expect(second.generation == 1)
        #expect(await cluster.statistics.objectWrites == writesBefore)
    }

    @Test func aSpecChangeBumpsTheGenerationAndAMetadataChangeDoesNot() async throws {
        let cluster = try Fixtures.cluster()
        var manifest = Fixtures.deployment("web", replicas: 2)
        try await cluster.applyAll([manifest])
        manifest.labels = ["team": "a"]
        #expect(try await cluster.applyAll([manifest])[0].generation == 1)
        manifest.value[path: ["spec", "replicas"]] = 3
        #expect(try await cluster.applyAll([manifest])[0].generation == 2)
    }

    @Test func recreateRemovesEveryOldPodBeforeCreatingANewOne() async throws {
        let cluster = try Fixtures.cluster()
        var manifest = Fixtures.deployment("db", replicas: 3, strategy: ["type": "Recreate"])
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(3))
        let oldPods = Set(try await cluster.pods().map(\.name))
        #expect(oldPods.count == 3)

        let events = cluster.events()
        manifest.value[path: ["spec", "template", "spec", "containers"]] = [["name": "app", "image": "nginx:1.28"]]
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(3))
        await cluster.shutdown()

        var sequence: [(ClusterEvent.Change, String)] = []
        for await event in events where event.key.kind == "Pod" && event.change != .modified {
            sequence.append((event.change, event.key.name))
        }
        let lastOldDeletion = try #require(sequence.lastIndex { $0.0 == .deleted && oldPods.contains($0.1) })
        let firstCreation = try #require(sequence.firstIndex { $0.0 == .added })
        #expect(sequence.filter { $0.0 == .deleted }.count == 3)
        #expect(lastOldDeletion < firstCreation, "every old pod is gone before the first new pod")
        let pods = try await cluster.pods()
        #expect(pods.count == 3)
        #expect(Set(pods.map(\.name)).isDisjoint(with: oldPods))
        #expect(pods.allSatisfy { $0.isPodReady })
    }
}
