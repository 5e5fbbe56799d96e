import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct SchedulingTests {
    @Test func podsThatDoNotFitStayPendingWithTheReason() async throws {
        let cluster = try Fixtures.cluster(nodes: SimulatedNode.defaults(count: 3, cpu: Quantity("4")!))
        try await cluster.applyAll([Fixtures.deployment("batch", replicas: 14, cpu: "1")])
        await cluster.advance(by: .seconds(3))
        let pods = try await cluster.pods()
        #expect(pods.filter { $0.podPhase == "Running" }.count == 12)
        let pending = pods.filter { $0.nodeName.isEmpty }
        #expect(pending.count == 2)
        for pod in pending {
            let condition = pod.podCondition("PodScheduled")
            #expect(condition?["reason"] == "Unschedulable")
            #expect(condition?["message"] == "0/3 nodes are available: 3 Insufficient cpu.")
        }
        let events = try await cluster.list(ResourceTypes.event, namespace: "default")
        #expect(events.contains { $0.string("reason") == "FailedScheduling" && $0.string("type") == "Warning" })

        var manifest = Fixtures.deployment("batch", replicas: 12, cpu: "1")
        manifest.labels = [:]
        try await cluster.applyAll([manifest])
        await cluster.advance(by: .seconds(3))
        let scaled = try await cluster.pods()
        #expect(scaled.count == 12)
        #expect(scaled.allSatisfy { !$0.nodeName.isEmpty && $0.isPodReady })
    }

    @Test func aPendingPodIsScheduledWhenCapacityFrees() async throws {
        let cluster = try Fixtures.cluster(nodes: SimulatedNode.defaults(count: 1, cpu: Quantity("2")!))
        try await cluster.applyAll([Fixtures.deployment("a", replicas: 2, cpu: "1")])
        try await cluster.applyAll([Fixtures.deployment("b", replicas: 1, cpu: "1")])
        #expect(try await cluster.pods().filter { $0.nodeName.isEmpty }.map { $0.labels["app"] } == ["b"])
        try await cluster.applyAll([Fixtures.deployment("a", replicas: 1, cpu: "1")])
        #expect(try await cluster.pods().allSatisfy { !$0.nodeName.isEmpty })
    }

    @Test func nodeSelectorsAndTaintsAreHonoured() async throws {
        let nodes = [
            SimulatedNode(
                name: "gpu", labels: ["accelerator": "gpu"],
                taints: [.init(key: "gpu", value: "true", effect: "NoSchedule")]),
            SimulatedNode(name: "plain"),
        ]
        let cluster = try Fixtures.cluster(nodes: nodes)
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
        #expect(try await cluster.pods().allSatisfy { $0.nodeName == "plain" })

        var ml = Fixtures.deployment("ml", replicas: 1)
        ml.value[path: ["spec", "template", "spec", "nodeSelector"]] = ["accelerator": "gpu"]
        try await cluster.applyAll([ml])
        let pending = try #require(try await cluster.pods().first { $0.labels["app"] == "ml" })
        #expect(
            pending.podCondition("PodScheduled")?["message"]
                == "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {gpu: true}."
        )

        ml.value[path: ["spec", "template", "spec", "tolerations"]] = [
            ["key": "gpu", "operator": "Exists", "effect": "NoSchedule"]
        ]
        try await cluster.applyAll([ml])
        await cluster.advance(by: .seconds(3))
        let scheduled = try await cluster.pods().filter { $0.labels["app"] == "ml" && $0.isPodReady }
        #expect(scheduled.map(\.nodeName) == ["gpu"])
    }
}
