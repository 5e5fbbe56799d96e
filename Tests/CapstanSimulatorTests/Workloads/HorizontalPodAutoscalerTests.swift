import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// The HPA on simulated cpu load: syncs every 15 s from its creation, scales up at once, scales down only
/// after the stabilization window, within minReplicas…maxReplicas.
@Suite struct HorizontalPodAutoscalerTests {
    /// A Deployment `web` of `replicas` pods requesting 500m cpu, a Service selecting them and an HPA,
    /// all created at the epoch; the load is set 20 s later (between the syncs at 15 s and 30 s).
    static func loadedCluster(
        replicas: Int = 2, minReplicas: Int? = nil, maxReplicas: Int, load: Double = 90, behavior: Value? = nil,
        store: CapstanStoreHandle? = nil
    ) async throws -> SimulatedCluster {
        let cluster = try Fixtures.cluster(store: store)
        try await cluster.applyAll([
            Fixtures.deployment("web", replicas: replicas, cpu: "500m"),
            WorkloadFixtures.service("web", selector: ["app": "web"]),
            WorkloadFixtures.autoscaler(minReplicas: minReplicas, maxReplicas: maxReplicas, behavior: behavior),
        ])
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(20))
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: load)
        return cluster
    }

    static func replicas(_ cluster: SimulatedCluster) async throws -> Int {
        try #require(try await cluster.object(Fixtures.deploymentKey("web"))).int("spec", "replicas")
    }

    static func autoscaler(_ cluster: SimulatedCluster) async throws -> Resource {
        try #require(try await cluster.object(WorkloadFixtures.autoscalerKey()))
    }

    static func condition(_ autoscaler: Resource, _ type: String) -> (String?, String?) {
        let condition = autoscaler.value[path: ["status", "conditions"]]?.arrayValue?.first {
            $0["type"]?.stringValue == type
        }
        return (condition?["status"]?.stringValue, condition?["reason"]?.stringValue)
    }

    /// The replicas at each given second after the epoch.
    static func replicas(_ cluster: SimulatedCluster, at seconds: [Int]) async throws -> [Int] {
        var counts: [Int] = []
        for second in seconds {
            await cluster.advance(to: Fixtures.epoch.addingTimeInterval(TimeInterval(second)))
            counts.append(try await replicas(cluster))
        }
        return counts
    }

    @Test(.timeLimit(.minutes(1)))
    func ninetyPercentAgainstFiftyDoublesTwoReplicasAtTheNextSync() async throws {
        let cluster = try await Self.loadedCluster(maxReplicas: 10)
        #expect(try await Self.replicas(cluster, at: [29]) == [2])
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(30))
        #expect(try await Self.replicas(cluster) == 4)
        let autoscaler = try await Self.autoscaler(cluster)
        #expect(autoscaler.int("status", "currentReplicas") == 2)
        #expect(autoscaler.int("status", "desiredReplicas") == 4)
        #expect(
            autoscaler.string("status", "lastScaleTime") == SimulatedTime.format(Fixtures.epoch.addingTimeInterval(30)))
        let metric = autoscaler.value[path: ["status", "currentMetrics"]]?.arrayValue?.first
        #expect(metric?[path: ["resource", "current", "averageUtilization"]] == 90)
        #expect(metric?[path: ["resource", "current", "averageValue"]] == "450m")
        #expect(Self.condition(autoscaler, "AbleToScale") == ("True", "SucceededRescale"))
        #expect(Self.condition(autoscaler, "ScalingActive") == ("True", "ValidMetricFound"))
        #expect(Self.condition(autoscaler, "ScalingLimited") == ("False", "DesiredWithinRange"))
        let events = try await cluster.events(about: "web", kind: "HorizontalPodAutoscaler")
        #expect(
            events.last?.string("message")
                == "New size: 4; reason: cpu resource utilization (percentage of request) above target")

        // New pods count once ready for a metric window (15 s): 8 at 60 s, then maxReplicas caps at 10.
        #expect(try await Self.replicas(cluster, at: [45, 59, 60, 75, 89, 90, 120]) == [4, 4, 8, 8, 8, 10, 10])
        let capped = try await Self.autoscaler(cluster)
        #expect(Self.condition(capped, "ScalingLimited") == ("True", "TooManyReplicas"))
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// Load drops at 100 s; the last sync recommending 8 was at 90 s. Without `behavior` the legacy window
    /// keeps a recommendation exactly 300 s old (`Before(cutoff)`), so the drop comes at 405 s; with a
    /// `behavior` window of 300 s it is dropped at 390 s. Then replicas fall to max(minReplicas, ceil(4 × 10/50)).
    static let stabilizationCases: [(Value?, Int)] = [
        (nil, 405),
        (["scaleDown": ["stabilizationWindowSeconds": 300]], 390),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: stabilizationCases)
    func scaleDownWaitsForTheStabilizationWindow(_ behavior: Value?, _ scaleDownAt: Int) async throws {
        let cluster = try await Self.loadedCluster(minReplicas: 2, maxReplicas: 4, behavior: behavior)
        #expect(try await Self.replicas(cluster, at: [30, 90]) == [4, 4])
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(100))
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: 10)
        #expect(try await Self.replicas(cluster, at: [105, scaleDownAt - 1]) == [4, 4])
        let waiting = try await Self.autoscaler(cluster)
        #expect(Self.condition(waiting, "AbleToScale") == ("True", "ScaleDownStabilized"))
        #expect(try await Self.replicas(cluster, at: [scaleDownAt, scaleDownAt + 60]) == [2, 2])
        let settled = try await Self.autoscaler(cluster)
        #expect(Self.condition(settled, "ScalingLimited") == ("True", "TooFewReplicas"))
        #expect(
            settled.value[path: ["status", "currentMetrics"]]?.arrayValue?.first?[
                path: ["resource", "current", "averageUtilization"]] == 10)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aSteadyAutoscalerWritesNothing() async throws {
        // Capped at 4 with a steady load: once the first recommendations have left the window (5 min), every
        // sync finds the same status and writes nothing.
        let cluster = try await Self.loadedCluster(maxReplicas: 4)
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(400))
        let before = try await Self.autoscaler(cluster)
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(1000))
        let after = try await Self.autoscaler(cluster)
        #expect(after.resourceVersion == before.resourceVersion)
        #expect(after.value[path: ["status", "stabilization"]] == ["latestRecommendation": 8])
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func replicasOutsideTheRangeAreBroughtIntoItAtTheFirstSync() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            Fixtures.deployment("web", replicas: 6, cpu: "500m"),
            WorkloadFixtures.autoscaler(minReplicas: 2, maxReplicas: 4),
        ])
        #expect(try await Self.replicas(cluster, at: [14, 15]) == [6, 4])
        let events = try await cluster.events(about: "web", kind: "HorizontalPodAutoscaler")
        #expect(
            events.last?.string("message") == "New size: 4; reason: Current number of replicas above Spec.MaxReplicas")
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func podsThatAreNotReadyDoNotCount() async throws {
        // 30 s after creation the pods (ready at 2 s) have one full metric window: before that no pod counts.
        let cluster = try await Self.loadedCluster(maxReplicas: 10)
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(15))
        let early = try await Self.autoscaler(cluster)
        #expect(Self.condition(early, "ScalingActive") == ("False", "FailedGetResourceMetric"))
        let message = early.value[path: ["status", "conditions"]]?.arrayValue?.first {
            $0["type"] == "ScalingActive"
        }?["message"]?.stringValue
        #expect(
            message
                == "the HPA was unable to compute the replica count: failed to get cpu utilization: did not receive "
                + "metrics for any ready pods")
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aMissingTargetOrMissingRequestsStopScaling() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([WorkloadFixtures.autoscaler(target: "nothing", maxReplicas: 3)])
        await cluster.advance(by: .seconds(15))
        var autoscaler = try await Self.autoscaler(cluster)
        #expect(Self.condition(autoscaler, "AbleToScale") == ("False", "FailedGetScale"))
        #expect(
            autoscaler.value[path: ["status", "conditions"]]?.arrayValue?.first?["message"]?.stringValue
                == "the HPA controller was unable to get the target's current scale: "
                + "deployments.apps \"nothing\" not found"
        )

        // Pods without cpu requests have no utilization.
        try await cluster.applyAll([
            Fixtures.deployment("nothing", replicas: 1),
            WorkloadFixtures.service("nothing", selector: ["app": "nothing"]),
        ])
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("nothing"), cpuPercent: 80)
        await cluster.advance(by: .seconds(60))
        autoscaler = try await Self.autoscaler(cluster)
        #expect(Self.condition(autoscaler, "AbleToScale") == ("True", "SucceededGetScale"))
        #expect(Self.condition(autoscaler, "ScalingActive") == ("False", "FailedGetResourceMetric"))
        let pod = try #require(try await cluster.pods().first)
        let message = autoscaler.value[path: ["status", "conditions"]]?.arrayValue?.first {
            $0["type"] == "ScalingActive"
        }?["message"]?.stringValue
        #expect(
            message
                == "the HPA was unable to compute the replica count: failed to get cpu utilization: missing request "
                + "for cpu in container app of Pod \(pod.name)")
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aStatefulSetIsScaledThroughItsReplicas() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            WorkloadFixtures.statefulSet(replicas: 1, cpu: "200m", claimTemplates: []),
            WorkloadFixtures.service("web", selector: ["app": "web"]),
            WorkloadFixtures.autoscaler(kind: "StatefulSet", maxReplicas: 5),
        ])
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: 100)
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(30))
        let set = try #require(try await cluster.object(WorkloadFixtures.statefulSetKey()))
        #expect(set.int("spec", "replicas") == 2)
        #expect(try await cluster.podNames() == ["web-0", "web-1"])
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func loadNeedsAnExistingServiceAndAPercentage() async throws {
        let cluster = try Fixtures.cluster()
        await #expect(throws: ClusterError.self) {
            try await cluster.setLoad(service: WorkloadFixtures.serviceKey("absent"), cpuPercent: 50)
        }
        try await cluster.applyAll([WorkloadFixtures.service("web", selector: ["app": "web"])])
        await #expect(throws: ClusterError.self) {
            try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: -1)
        }
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: 75)
        #expect(await cluster.load(service: WorkloadFixtures.serviceKey("web")) == 75)
    }
}
