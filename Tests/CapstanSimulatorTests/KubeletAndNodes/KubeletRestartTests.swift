import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation
import Testing

@testable import CapstanSimulator

/// A simulation reopened from its state store in the middle of a back-off or a node failure keeps the same
/// timings: what the kubelet and the node controller need lives in the objects.
@Suite struct KubeletRestartTests {
    /// Runs `before` on a cluster over a fresh store, reopens the store, checks that reopening wrote nothing,
    /// and runs `after` on the reopened cluster.
    private func acrossRestart(
        nodes: [SimulatedNode] = SimulatedNode.defaults(count: 3),
        _ before: (SimulatedCluster) async throws -> Void, _ after: (SimulatedCluster) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capstan-kubelet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        do {
            let cluster = try Fixtures.cluster(nodes: nodes, store: try StateStore(path: path))
            try await before(cluster)
        }
        let reopened = try Fixtures.cluster(nodes: nodes, store: try StateStore(path: path))
        #expect(await reopened.statistics.objectWrites == 0)
        try await after(reopened)
        #expect(await reopened.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aCrashLoopBackOffResumes() async throws {
        let key = KubeletFixtures.podKey("web")
        try await acrossRestart { cluster in
            try await cluster.applyAll([KubeletFixtures.pod("web")])
            for time in [5.0, 6, 17] {  // restarts at 5 and 16 s; the third crash waits 20 s, until 37 s
                await cluster.advance(toSecond: time)
                try await cluster.crashContainer(pod: key)
            }
            await cluster.advance(toSecond: 20)
        } _: { cluster in
            await cluster.advance(toSecond: 36.999)
            #expect(try await cluster.pod("web").container()?.waitingReason == "CrashLoopBackOff")
            await cluster.advance(toSecond: 37)
            #expect(try await cluster.pod("web").container()?.restartCount == 3)
            try await cluster.crashContainer(pod: key)  // 40 s now
            await cluster.advance(toSecond: 76.999)
            #expect(try await cluster.pod("web").container()?.restartCount == 3)
            await cluster.advance(toSecond: 77)
            #expect(try await cluster.pod("web").container()?.restartCount == 4)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aNodeFailureResumes() async throws {
        try await acrossRestart { cluster in
            try await cluster.applyAll([Fixtures.deployment("web", replicas: 6)])
            await cluster.advance(toSecond: 10)
            try await cluster.failNode("node-1")
            await cluster.advance(toSecond: 110)
        } _: { cluster in
            let onNode1 = try await cluster.pods().filter { $0.nodeName == "node-1" }
            #expect(onNode1.count == 2)
            #expect(onNode1.allSatisfy { !$0.isPodReady })
            await cluster.advance(toSecond: 309.999)
            #expect(try await cluster.pods().filter { $0.nodeName == "node-1" }.count == 2)
            await cluster.advance(toSecond: 310)
            let pods = try await cluster.pods()
            #expect(pods.count == 6)
            #expect(!pods.contains { $0.nodeName == "node-1" })
            try await cluster.recoverNode("node-1")
            #expect(try await cluster.object(NodeFailure.nodeKey("node-1"))?.value[path: ["spec", "taints"]] == nil)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aCordonSurvivesARestart() async throws {
        try await acrossRestart { cluster in
            try await cluster.drainNode("node-2")
        } _: { cluster in
            let node = try #require(try await cluster.object(NodeFailure.nodeKey("node-2")))
            #expect(node.value[path: ["spec", "unschedulable"]] == true)
            try await cluster.applyAll([Fixtures.deployment("web", replicas: 4)])
            #expect(try await cluster.pods().allSatisfy { $0.nodeName != "node-2" })
        }
    }

    /// The image back-off is in the pods; the unpullable images themselves are not persisted, so the test marks
    /// the image again after reopening.
    @Test(.timeLimit(.minutes(1)))
    func anImagePullBackOffResumes() async throws {
        let image = "registry.example/app:broken"
        try await acrossRestart { cluster in
            await cluster.setImagePullable(image, false)
            try await cluster.applyAll([KubeletFixtures.pod("web", image: image)])
            await cluster.advance(toSecond: 40)  // pulls failed at 0, 10 and 30 s; next at 70 s
        } _: { cluster in
            await cluster.setImagePullable(image, false)
            await cluster.advance(toSecond: 69.999)
            let backingOff = try await cluster.pod("web").container()?.waitingReason
            #expect(backingOff == "ImagePullBackOff")
            await cluster.advance(toSecond: 70)
            let failed = try await cluster.pod("web").container()?.waitingReason
            #expect(failed == "ErrImagePull")
            await cluster.setImagePullable(image, true)
            await cluster.advance(toSecond: 152)
            let started = try await cluster.pod("web").container()?.runningSince
            #expect(started == KubeletFixtures.at(152))
        }
    }
}
