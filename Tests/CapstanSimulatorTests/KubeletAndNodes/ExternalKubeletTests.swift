import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// Nodes labelled `capstan.io/runtime: docker` are run by an external kubelet: the simulated one leaves their
/// pods Pending, and the status the external one reports drives the controllers as a kubelet's would.
@Suite struct ExternalKubeletTests {
    static func cluster() throws -> SimulatedCluster {
        try Fixtures.cluster(nodes: [SimulatedNode(name: "docker-1", labels: [ExternalRuntime.label: "docker"])])
    }

    static func runningStatus(ip: String) -> Value {
        [
            "phase": "Running", "podIP": .string(ip), "hostIP": .string(ip),
            "conditions": [["type": "Ready", "status": "True"], ["type": "ContainersReady", "status": "True"]],
            "containerStatuses": [
                [
                    "name": "app", "ready": true, "restartCount": 0,
                    "state": ["running": ["startedAt": "2026-01-01T00:00:01Z"]],
                ]
            ],
        ]
    }

    @Test func theSimulatedKubeletLeavesExternalPodsAlone() async throws {
        let cluster = try Self.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 2)])
        await cluster.advance(by: .seconds(30))
        let pods = try await cluster.pods()
        #expect(pods.count == 2)
        #expect(pods.allSatisfy { $0.nodeName == "docker-1" && $0.status?["phase"] == "Pending" })
        #expect(pods.allSatisfy { $0.status?["containerStatuses"] == nil }, "no simulated container was started")
        #expect(await cluster.pods(onNode: "docker-1").count == 2)
    }

    @Test func reportedReadyPodsMakeTheDeploymentAvailableAndBecomeEndpoints() async throws {
        let cluster = try Self.cluster()
        let service = Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: "web",
            spec: ["selector": ["app": "web"], "ports": [["port": 80]]])
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 2), service])
        for pod in try await cluster.pods() {
            try await cluster.reportPodStatus(
                pod.key, uid: pod.uid, status: Self.runningStatus(ip: "127.0.0.1"),
                events: [.init(reason: "Started", message: "Started container app")])
        }
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.value[path: ["status", "availableReplicas"]] == 2)
        let endpoints = try #require(
            try await cluster.object(ResourceKey(group: "", kind: "Endpoints", namespace: "default", name: "web")))
        let addresses = endpoints.value[path: ["subsets"]]?.arrayValue?.first?["addresses"]?.arrayValue ?? []
        #expect(addresses.count == 2)
        let events = try await cluster.list(ResourceTypes.event, namespace: "default")
        #expect(events.contains { $0.value["reason"] == "Started" })
    }

    /// Several pods' reports in one call: each applied or refused on its own, the controllers settle once.
    @Test func reportsOfSeveralPodsAreAppliedTogether() async throws {
        let cluster = try Self.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
        let pods = try await cluster.pods()
        var updates = pods.map {
            SimulatedCluster.PodStatusUpdate(
                key: $0.key, uid: $0.uid, status: Self.runningStatus(ip: "127.0.0.1"),
                events: [.init(reason: "Started", message: "Started container app")])
        }
        updates.insert(
            .init(key: ResourceKey(group: "", kind: "Pod", namespace: "default", name: "nope"), uid: "x", status: [:]),
            at: 1)
        let failures = await cluster.reportPodStatuses(updates)
        #expect(failures.map { $0?.reason } == [nil, .notFound, nil, nil])
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.value[path: ["status", "availableReplicas"]] == 3)
        let started = try await cluster.list(ResourceTypes.event, namespace: "default").filter {
            $0.value["reason"] == "Started"
        }
        #expect(started.count == 3)
    }

    @Test func reportsAboutGoneReplacedOrSimulatedPodsAreRefused() async throws {
        let cluster = try Self.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 1)])
        let pod = try #require(try await cluster.pods().first)
        let replaced = await #expect(throws: ClusterError.self) {
            try await cluster.reportPodStatus(pod.key, uid: "another", status: Self.runningStatus(ip: "127.0.0.1"))
        }
        #expect(replaced?.reason == .conflict)
        let gone = ResourceKey(group: "", kind: "Pod", namespace: "default", name: "nope")
        let missing = await #expect(throws: ClusterError.self) {
            try await cluster.reportPodStatus(gone, uid: "x", status: [:])
        }
        #expect(missing?.reason == .notFound)

        let simulated = try Fixtures.cluster(nodes: SimulatedNode.defaults(count: 1))
        try await simulated.applyAll([Fixtures.deployment("web", replicas: 1)])
        let simulatedPod = try #require(try await simulated.pods().first)
        let refused = await #expect(throws: ClusterError.self) {
            try await simulated.reportPodStatus(simulatedPod.key, uid: simulatedPod.uid, status: [:])
        }
        #expect(refused?.reason == .invalid)
    }

    @Test func aConditionKeepsItsTransitionTimeUntilItsStatusChanges() async throws {
        let cluster = try Self.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 1)])
        let pod = try #require(try await cluster.pods().first)
        func readySince() async throws -> Value? {
            let current = try await cluster.object(pod.key)
            return current?.status?["conditions"]?.arrayValue?.first { $0["type"] == "Ready" }?["lastTransitionTime"]
        }
        try await cluster.reportPodStatus(pod.key, uid: pod.uid, status: Self.runningStatus(ip: "127.0.0.1"))
        let first = try await readySince()
        #expect(first == .string("2026-01-01T00:00:00Z"))
        await cluster.advance(by: .seconds(10))
        try await cluster.reportPodStatus(pod.key, uid: pod.uid, status: Self.runningStatus(ip: "127.0.0.1"))
        #expect(try await readySince() == first)
        var unready = Self.runningStatus(ip: "127.0.0.1")
        unready["conditions"] = [["type": "Ready", "status": "False"]]
        try await cluster.reportPodStatus(pod.key, uid: pod.uid, status: unready)
        #expect(try await readySince() == .string("2026-01-01T00:00:10Z"))
    }
}
