import CapstanCluster
import CapstanModel
import Testing

@testable import CapstanSimulator

@Suite struct LoadBalancingTests {
    typealias F = ServiceFixtures

    /// A cluster with Service `web` over `replicas` pods, all Ready (they become Ready 10 s after starting).
    private func readyCluster(replicas: Int) async throws -> SimulatedCluster {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            F.service("web", selector: ["app": "web"]), F.deployment("web", replicas: replicas, readyAfter: 10),
        ])
        await cluster.advance(by: .seconds(13))
        return cluster
    }

    @Test(.timeLimit(.minutes(1))) func requestsSpreadEvenlyOverReadyPodsAndSkipAnUnreadyOne() async throws {
        let cluster = try await readyCluster(replicas: 4)
        let pods = try await cluster.pods().map(\.name).sorted()
        let writes = await cluster.statistics.objectWrites

        let first = try await cluster.sendRequests(service: F.serviceKey("web"), count: 1000)
        #expect(first.service == "default/web")
        #expect(first.total == 1000)
        #expect(first.byPod == Dictionary(uniqueKeysWithValues: pods.map { ($0, 250) }))
        #expect(await cluster.statistics.objectWrites == writes, "sending requests writes nothing")

        // A crashed container is not ready until the kubelet restarted it and its readiness delay passed.
        try await cluster.crashContainer(pod: F.podKey(pods[2]))
        let endpoints = try #require(try await cluster.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: false) == [pods[2]])
        let second = try await cluster.sendRequests(service: F.serviceKey("web"), count: 300)
        #expect(second.byPod == [pods[0]: 100, pods[1]: 100, pods[3]: 100])

        // Restarted after the 10 s back-off, Ready 10 s later: back in rotation.
        await cluster.advance(by: .seconds(20))
        #expect(try await cluster.object(F.endpointsKey("web"))?.endpointPods(ready: true) == pods)
        let third = try await cluster.sendRequests(service: F.serviceKey("web"), count: 400)
        #expect(third.byPod == Dictionary(uniqueKeysWithValues: pods.map { ($0, 100) }))
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1))) func roundRobinContinuesWhereTheLastBatchStopped() async throws {
        let cluster = try await readyCluster(replicas: 3)
        let pods = try await cluster.pods().map(\.name).sorted()
        let batches = [(2, [1, 1, 0]), (2, [1, 0, 1]), (1, [0, 1, 0]), (4, [1, 1, 2])]
        for (count, expected) in batches {
            let distribution = try await cluster.sendRequests(service: F.serviceKey("web"), count: count)
            #expect(distribution.byPod == Dictionary(uniqueKeysWithValues: zip(pods, expected).map { ($0, $1) }))
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    struct Refusal: Sendable, CustomStringConvertible {
        var service: String
        var count: Int
        var reason: ClusterError.Reason
        var message: String
        var description: String { "\(service) × \(count)" }
    }

    @Test(arguments: [
        Refusal(service: "missing", count: 1, reason: .notFound, message: "services \"missing\" not found"),
        Refusal(
            service: "idle", count: 1, reason: .unavailable, message: "service default/idle has no ready endpoints"),
        Refusal(service: "web", count: -1, reason: .invalid, message: "request count -1 is out of range"),
        Refusal(service: "web", count: 1_000_001, reason: .invalid, message: "request count 1000001 is out of range"),
    ])
    func requestsAreRefusedClearly(_ refusal: Refusal) async throws {
        let cluster = try await readyCluster(replicas: 1)
        try await cluster.applyAll([F.service("idle", selector: ["app": "nothing"])])
        do {
            _ = try await cluster.sendRequests(service: F.serviceKey(refusal.service), count: refusal.count)
            Issue.record("expected \(refusal.reason)")
        } catch {
            #expect(error.reason == refusal.reason)
            #expect(error.message.hasPrefix(refusal.message), "\(error.message)")
        }
    }
}
