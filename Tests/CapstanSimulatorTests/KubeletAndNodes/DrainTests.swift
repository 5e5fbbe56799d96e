import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// `capstan sim node drain`: the node is cordoned (unschedulable, tainted) and its pods evicted at once; their
/// owners recreate them on the other nodes. Recovering the node uncordons it.
@Suite struct DrainTests {
    @Test func aDrainedNodeIsCordonedAndEmptied() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 6)])
        await cluster.advance(toSecond: 5)
        let drained = try await cluster.pods().filter { $0.nodeName == "node-1" }
        #expect(drained.count == 2)

        try await cluster.drainNode("node-1")
        let node = try #require(try await cluster.object(NodeFailure.nodeKey("node-1")))
        #expect(node.value[path: ["spec", "unschedulable"]] == true)
        #expect(
            node.value[path: ["spec", "taints"]] == [
                ["key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"]
            ])
        #expect(node.condition("Ready")?["status"] == "True")
        #expect(try await cluster.events(about: "node-1", reason: "NodeNotSchedulable").count == 1)
        let pods = try await cluster.pods()
        #expect(pods.count == 6)
        #expect(!pods.contains { $0.nodeName == "node-1" })
        #expect(pods.filter { $0.nodeName == "node-2" }.count == 3)
        #expect(pods.filter { $0.nodeName == "node-3" }.count == 3)
        let killing = try await cluster.events(about: drained[0].name, reason: "Killing").first
        #expect(killing?.value["message"] == "Stopping container app")
        await cluster.advance(toSecond: 7)
        #expect(try await cluster.pods().filter(\.isPodReady).count == 6)

        try await cluster.recoverNode("node-1")
        let uncordoned = try #require(try await cluster.object(NodeFailure.nodeKey("node-1")))
        #expect(uncordoned.value[path: ["spec", "unschedulable"]] == nil)
        #expect(uncordoned.value[path: ["spec", "taints"]] == nil)
        #expect(try await cluster.events(about: "node-1", reason: "NodeSchedulable").count == 1)
        #expect(await cluster.statistics.livelocks == 0)
    }
}
