import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// A pod's phase, conditions and container statuses from creation to Ready, at exact simulated times.
@Suite struct PodLifecycleTests {
    @Test func aPodGoesFromContainerCreatingToRunningAndReady() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web", readinessDelay: 5)])

        let creating = try await cluster.pod("web")
        #expect(creating.podPhase == "Pending")
        #expect(creating.container()?.state == .waiting(reason: "ContainerCreating", message: nil))
        #expect(creating.condition("PodScheduled")?["status"] == "True")
        #expect(creating.condition("Initialized")?["status"] == "True")
        #expect(creating.condition("PodReadyToStartContainers")?["status"] == "True")
        #expect(creating.condition("ContainersReady")?["reason"] == "ContainersNotReady")
        #expect(creating.condition("Ready")?["message"] == "containers with unready status: [app]")
        #expect(creating.value[path: ["status", "podIP"]] == nil)

        await cluster.advance(toSecond: 1.999)
        #expect(try await cluster.pod("web").podPhase == "Pending")

        await cluster.advance(toSecond: 2)
        let running = try await cluster.pod("web")
        #expect(running.podPhase == "Running")
        #expect(running.container()?.state == .running(startedAt: KubeletFixtures.at(2)))
        #expect(running.container()?.started == true)
        #expect(running.container()?.ready == false)
        #expect(running.container()?.restartCount == 0)
        #expect(running.container()?.lastTermination == nil)
        #expect(running.value[path: ["status", "containerStatuses", "0"]] == nil)
        #expect(running.value[path: ["status", "podIP"]]?.stringValue?.hasPrefix("10.244.") == true)
        #expect(!running.isPodReady)

        await cluster.advance(toSecond: 6.999)
        #expect(try await !cluster.pod("web").isPodReady)
        await cluster.advance(toSecond: 7)
        let ready = try await cluster.pod("web")
        #expect(ready.isPodReady)
        #expect(ready.condition("ContainersReady")?["status"] == "True")
        #expect(ready.podReadySince == KubeletFixtures.at(7))
        #expect(ready.annotations[KubeletRecord.annotation] == nil)
        let reasons = try await cluster.list(ResourceTypes.event, namespace: "default").filter {
            $0.value[path: ["involvedObject", "name"]] == "web"
        }.compactMap { $0.value["reason"]?.stringValue }
        #expect(reasons == ["Scheduled", "Pulling", "Pulled", "Created", "Started"])
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func aSteadyPodIsNotRewritten() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
        await cluster.advance(toSecond: 10)
        let writes = await cluster.statistics.objectWrites
        await cluster.advance(toSecond: 3600)
        #expect(await cluster.statistics.objectWrites == writes)
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// DefaultTolerationSeconds: every pod, created by a user or a controller, carries the two NoExecute
    /// tolerations for 300 s, unless it already tolerates the taint.
    @Test(
        arguments: [
            (nil, [NodeTaints.notReady, NodeTaints.unreachable]),
            (
                [["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"]],
                [NodeTaints.notReady]
            ),
            ([["operator": "Exists"]], []),
        ] as [([Value]?, [String])])
    func podsGetTheDefaultTolerations(own: [Value]?, added: [String]) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web", tolerations: own)])
        let tolerations = try await cluster.pod("web").value[path: ["spec", "tolerations"]]?.arrayValue ?? []
        let expected =
            (own ?? [])
            + added.map { key -> Value in
                ["key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300]
            }
        #expect(tolerations == expected)
    }

    @Test func controllerCreatedPodsGetTheDefaultTolerationsButTemplatesDoNot() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 1)])
        let pod = try #require(try await cluster.pods().first)
        let keys = pod.value[path: ["spec", "tolerations"]]?.arrayValue?.compactMap { $0["key"]?.stringValue }
        #expect(keys == [NodeTaints.notReady, NodeTaints.unreachable])
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.value[path: ["spec", "template", "spec", "tolerations"]] == nil)
    }

    @Test func reapplyingAPodKeepsItsTolerations() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        let before = try await cluster.pod("web").value[path: ["spec", "tolerations"]]
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        #expect(try await cluster.pod("web").value[path: ["spec", "tolerations"]] == before)
    }
}
