import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct EndpointsScaleTests {
    typealias F = ServiceFixtures

    /// The Endpoints subsets computed from scratch over every pod of the namespace, to compare with what the
    /// controller maintained incrementally.
    private func fromScratch(_ cluster: SimulatedCluster) async -> (Value?, Bool) {
        await cluster.inspect { plane in
            let service = plane.store[F.serviceKey("web")]!
            let pods = plane.store.list(group: "", kind: "Pod", namespace: "default").filter {
                $0.labels["app"] == "web"
            }
            var subsets = EndpointSubsets(service: service, pods: pods)
            let truncated = subsets.truncate()
            return (subsets.value, truncated)
        }
    }

    private func expectConsistent(_ cluster: SimulatedCluster, ready: Int, notReady: Int) async throws {
        let endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        let (expected, truncated) = await fromScratch(cluster)
        #expect(endpoints.value["subsets"] == expected)
        #expect((endpoints.annotations[EndpointSubsets.overCapacityAnnotation] != nil) == truncated)
        #expect(endpoints.endpointPods(ready: true).count == ready)
        #expect(endpoints.endpointPods(ready: false).count == notReady)
    }

    @Test(.timeLimit(.minutes(1))) func aThousandPodServiceIsUpdatedIncrementally() async throws {
        // At most 253 pods per node: each node's pod addresses come from one /24.
        let cluster = try Fixtures.cluster(nodes: SimulatedNode.defaults(count: 5, pods: 250))
        try await cluster.applyAll([
            F.service("web", selector: ["app": "web"]), F.deployment("web", replicas: 1000, readyAfter: 5),
        ])
        await cluster.advance(by: .seconds(3))
        try await expectConsistent(cluster, ready: 0, notReady: 1000)
        await cluster.advance(by: .seconds(5))
        try await expectConsistent(cluster, ready: 1000, notReady: 0)

        let pods = try await cluster.pods().map(\.name).sorted()
        for name in pods[0..<10] { try await cluster.crashContainer(pod: F.podKey(name)) }
        try await expectConsistent(cluster, ready: 990, notReady: 10)
        _ = await cluster.delete(pods[10..<15].map { F.podKey($0) })
        try await expectConsistent(cluster, ready: 985, notReady: 10)
        for name in pods[15..<18] {
            var pod = try #require(try await cluster.object(F.podKey(name)))
            pod.labels = ["app": "web-debug"]
            try await cluster.applyAll([pod])
        }
        try await expectConsistent(cluster, ready: 982, notReady: 10)

        // Replacements start, crashed pods are restarted (10 s back-off) and ready again; relabelled pods stay out.
        await cluster.advance(by: .seconds(20))
        try await expectConsistent(cluster, ready: 997, notReady: 0)

        // Past 1,000 addresses Endpoints are truncated and annotated; requests still reach every ready pod.
        try await cluster.applyAll([F.deployment("web", replicas: 1004, readyAfter: 5)])
        await cluster.advance(by: .seconds(10))
        try await expectConsistent(cluster, ready: 1000, notReady: 0)
        let distribution = try await cluster.sendRequests(service: F.serviceKey("web"), count: 1001 * 3)
        #expect(distribution.byPod.count == 1001)
        #expect(Set(distribution.byPod.values) == [3])
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func truncationKeepsReadyAddressesFirst() {
        let service = F.service("web", selector: ["app": "web"])
        let pods = (0..<1200).map { index -> Resource in
            var pod = F.pod("web-\(index)", labels: ["app": "web"])
            pod.uid = "uid-\(index)"
            pod.value[path: ["spec", "nodeName"]] = "node-1"
            pod.status = [
                "phase": "Running", "podIP": .string("10.244.\(index / 250).\(index % 250 + 2)"),
                "conditions": [["type": "Ready", "status": index < 900 ? "True" : "False"]],
            ]
            return pod
        }
        var subsets = EndpointSubsets(service: service, pods: pods)
        #expect(subsets.addressCount == 1200)
        let truncated = subsets.truncate()
        #expect(truncated)
        #expect(subsets.subsets.count == 1)
        #expect(subsets.subsets[0].addresses.count == 900)
        #expect(subsets.subsets[0].notReadyAddresses.count == 100)
        let again = subsets.truncate()
        #expect(!again, "a truncated set is within capacity")
    }
}
