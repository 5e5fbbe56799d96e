import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// How fast an HPA may scale up in one sync. Without `spec.behavior` Kubernetes uses its legacy limit,
/// max(2 × current, 4); a `behavior` (even empty) gets the v2 default policies, 4 pods or 100% per 15 s,
/// whichever is more.
@Suite struct ScaleUpLimitTests {
    /// One pod at 100% against a 10% target wants 10 replicas; the limit decides how many it gets.
    static let cases: [(Value?, Int, String)] = [
        (nil, 4, "ScaleUpLimit"),
        ([:], 5, "ScaleUpLimit"),
        (
            ["scaleUp": ["policies": [["type": "Percent", "value": 900, "periodSeconds": 60]]]], 10,
            "DesiredWithinRange"
        ),
        (["scaleUp": ["selectPolicy": "Disabled"]], 1, "ScaleUpLimit"),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: cases)
    func theFirstScaleUpIsLimited(_ behavior: Value?, _ replicas: Int, _ limitReason: String) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([
            Fixtures.deployment("web", replicas: 1, cpu: "100m"),
            WorkloadFixtures.service("web", selector: ["app": "web"]),
            WorkloadFixtures.autoscaler(maxReplicas: 20, cpuUtilization: 10, behavior: behavior),
        ])
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: 100)
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(30))
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("spec", "replicas") == replicas)
        let autoscaler = try #require(try await cluster.object(WorkloadFixtures.autoscalerKey()))
        let limited = autoscaler.value[path: ["status", "conditions"]]?.arrayValue?.first {
            $0["type"] == "ScalingLimited"
        }
        #expect(limited?["reason"]?.stringValue == limitReason)
        if behavior != nil {
            // The API server fills in what the behavior leaves out.
            #expect(autoscaler.value[path: ["spec", "behavior", "scaleDown", "policies"]] != nil)
            #expect(autoscaler.value[path: ["spec", "behavior", "scaleUp", "stabilizationWindowSeconds"]] == 0)
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func anAutoscalingV1ObjectScalesOnItsCPUTarget() async throws {
        let cluster = try Fixtures.cluster()
        let autoscaler = Resource(
            apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", namespace: "default", name: "web",
            spec: [
                "scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "web"],
                "maxReplicas": 5, "targetCPUUtilizationPercentage": 40,
            ])
        try await cluster.applyAll([
            Fixtures.deployment("web", replicas: 2, cpu: "100m"),
            WorkloadFixtures.service("web", selector: ["app": "web"]), autoscaler,
        ])
        try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: 60)
        await cluster.advance(to: Fixtures.epoch.addingTimeInterval(30))
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("spec", "replicas") == 3)
        let stored = try #require(try await cluster.object(WorkloadFixtures.autoscalerKey()))
        #expect(stored.int("status", "currentCPUUtilizationPercentage") == 60)
        #expect(stored.int("spec", "minReplicas") == 1)
        #expect(await cluster.statistics.livelocks == 0)
    }
}
