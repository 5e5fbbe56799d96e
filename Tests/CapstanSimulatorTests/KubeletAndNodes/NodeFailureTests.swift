import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// `capstan sim node fail|recover`: the node goes Ready Unknown and is tainted unreachable at once, its pods turn
/// not Ready, are evicted when their tolerations run out (300 s by default) and rescheduled elsewhere as far as
/// capacity allows; recovering the node makes it schedulable again.
@Suite struct NodeFailureTests {
    static let nodes = SimulatedNode.defaults(count: 3, cpu: Quantity("8")!)

    @Test(.timeLimit(.minutes(1)))
    func podsOfAFailedNodeMoveAfterTheTolerationTimeout() async throws {
        let cluster = try Fixtures.cluster(nodes: Self.nodes)
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 18, cpu: "1")])
        await cluster.advance(toSecond: 10)
        let onNode1 = try await cluster.pods().filter { $0.nodeName == "node-1" }
        #expect(onNode1.count == 6)
        #expect(onNode1.allSatisfy { $0.isPodReady })

        try await cluster.failNode("node-1")
        let node = try #require(try await cluster.object(NodeFailure.nodeKey("node-1")))
        let ready = node.condition("Ready")
        #expect(ready?["status"] == "Unknown")
        #expect(ready?["reason"] == "NodeStatusUnknown")
        #expect(ready?["message"] == "Kubelet stopped posting node status.")
        #expect(ready?["lastTransitionTime"]?.stringValue == SimulatedTime.format(KubeletFixtures.at(10)))
        let expectedTaints: Value = [
            ["key": "node.kubernetes.io/unreachable", "effect": "NoSchedule"],
            [
                "key": "node.kubernetes.io/unreachable", "effect": "NoExecute",
                "timeAdded": .string(SimulatedTime.format(KubeletFixtures.at(10))),
            ],
        ]
        #expect(node.value[path: ["spec", "taints"]] == expectedTaints)
        #expect(try await cluster.events(about: "node-1", reason: "NodeNotReady").count == 1)
        for pod in try await cluster.pods() where pod.nodeName == "node-1" {
            #expect(!pod.isPodReady)
            #expect(pod.condition("ContainersReady")?["status"] == "True")
            #expect(try await cluster.events(about: pod.name, reason: "NodeNotReady").count == 1)
        }
        #expect(try await cluster.object(Fixtures.deploymentKey("web"))?.int("status", "availableReplicas") == 12)

        // Nothing moves before the 300 s of the default tolerations.
        await cluster.advance(toSecond: 309.999)
        #expect(Set(try await cluster.pods().filter { $0.nodeName == "node-1" }.map(\.key)) == Set(onNode1.map(\.key)))
        #expect(try await cluster.pods().count == 18)

        await cluster.advance(toSecond: 310)
        let pods = try await cluster.pods()
        #expect(pods.count == 18)
        #expect(!pods.contains { $0.nodeName == "node-1" })
        #expect(pods.filter { $0.nodeName == "node-2" }.count == 8)
        #expect(pods.filter { $0.nodeName == "node-3" }.count == 8)
        let evicted = try await cluster.events(about: onNode1[0].name, reason: "TaintManagerEviction").first
        #expect(evicted?.value["message"]?.stringValue == "Marking for deletion Pod default/\(onNode1[0].name)")
        let pending = pods.filter { $0.nodeName.isEmpty }
        #expect(pending.count == 2)
        #expect(pending.allSatisfy { $0.condition("PodScheduled")?["reason"] == "Unschedulable" })
        await cluster.advance(toSecond: 312)
        #expect(try await cluster.object(Fixtures.deploymentKey("web"))?.int("status", "availableReplicas") == 16)

        await cluster.advance(toSecond: 400)
        try await cluster.recoverNode("node-1")
        let recovered = try #require(try await cluster.object(NodeFailure.nodeKey("node-1")))
        #expect(recovered.condition("Ready")?["status"] == "True")
        #expect(recovered.value[path: ["spec", "taints"]] == nil)
        #expect(try await cluster.events(about: "node-1", reason: "NodeReady").count == 1)
        #expect(try await cluster.pods().filter { $0.nodeName == "node-1" }.count == 2)
        await cluster.advance(toSecond: 402)
        #expect(try await cluster.object(Fixtures.deploymentKey("web"))?.int("status", "availableReplicas") == 18)
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// kube-scheduler reports one reason per node, from the first filter that rejects it (the taint before the
    /// resources), counted and sorted as `N reason` strings.
    @Test(.timeLimit(.minutes(1)))
    func replacementsThatFitNowhereSayWhyAsKubeSchedulerWould() async throws {
        let cluster = try Fixtures.cluster(nodes: Self.nodes)
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 18, cpu: "1")])
        await cluster.advance(toSecond: 10)
        try await cluster.failNode("node-1")
        await cluster.advance(toSecond: 310)
        let pending = try await cluster.pods().filter { $0.nodeName.isEmpty }
        #expect(pending.count == 2)
        for pod in pending {
            #expect(
                pod.condition("PodScheduled")?["message"]
                    == "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient cpu."
            )
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// (the pod's own toleration of the unreachable taint, seconds after the failure it is evicted, nil = never).
    @Test(
        .timeLimit(.minutes(1)),
        arguments: [
            (nil, 300.0),
            (
                [
                    "key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
                    "tolerationSeconds": 60,
                ], 60
            ),
            (
                [
                    "key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
                    "tolerationSeconds": 0,
                ], 0
            ),
            (["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"], nil),
            (["operator": "Exists"], nil),
        ] as [(Value?, Double?)])
    func evictionFollowsThePodsTolerations(toleration: Value?, evictedAfter: Double?) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            KubeletFixtures.pod(
                "web", tolerations: toleration.map { [$0] }, nodeSelector: ["kubernetes.io/hostname": "node-1"])
        ])
        await cluster.advance(toSecond: 10)
        try await cluster.failNode("node-1")
        if let evictedAfter {
            if evictedAfter > 0 {
                await cluster.advance(toSecond: 10 + evictedAfter - 0.001)
                #expect(try await cluster.object(KubeletFixtures.podKey("web")) != nil)
            }
            await cluster.advance(toSecond: 10 + evictedAfter)
            #expect(try await cluster.object(KubeletFixtures.podKey("web")) == nil)
        } else {
            await cluster.advance(toSecond: 100_000)
            let pod = try await cluster.pod("web")
            #expect(!pod.isPodReady)
            try await cluster.recoverNode("node-1")
            #expect(try await cluster.pod("web").isPodReady)
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// A failed node's kubelet restarts nothing; it catches up when the node recovers.
    @Test(.timeLimit(.minutes(1)))
    func aFailedNodesKubeletDoesNothingUntilItRecovers() async throws {
        let cluster = try Fixtures.cluster()
        let forever: Value = ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"]
        try await cluster.applyAll([
            KubeletFixtures.pod("web", tolerations: [forever], nodeSelector: ["kubernetes.io/hostname": "node-1"])
        ])
        let key = KubeletFixtures.podKey("web")
        await cluster.advance(toSecond: 5)
        try await cluster.crashContainer(pod: key)
        await cluster.advance(toSecond: 6)
        try await cluster.crashContainer(pod: key)  // back-off until 16 s
        await cluster.advance(toSecond: 8)
        try await cluster.failNode("node-1")
        await #expect(throws: ClusterError.self) { try await cluster.crashContainer(pod: key) }
        await cluster.advance(toSecond: 100)
        #expect(try await cluster.pod("web").container()?.waitingReason == "CrashLoopBackOff")
        #expect(try await cluster.pod("web").container()?.restartCount == 1)
        try await cluster.recoverNode("node-1")
        let pod = try await cluster.pod("web")
        #expect(pod.container()?.state == .running(startedAt: KubeletFixtures.at(100)))
        #expect(pod.container()?.restartCount == 2)
        #expect(pod.isPodReady)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func failingAnUnknownNodeFails() async throws {
        let cluster = try Fixtures.cluster()
        await #expect(throws: ClusterError.self) { try await cluster.failNode("node-9") }
        await #expect(throws: ClusterError.self) { try await cluster.recoverNode("node-9") }
        await #expect(throws: ClusterError.self) { try await cluster.drainNode("node-9") }
    }
}
