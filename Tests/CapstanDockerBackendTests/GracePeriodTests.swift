import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// Containers are stopped with their pod's `terminationGracePeriodSeconds` (kept as a label, so it holds once the
/// pod object is gone), and the containers of several deleted pods are stopped at the same time, as the kubelet
/// kills pods in parallel.
@Suite(.serialized) struct GracePeriodTests {
    @Test(.timeLimit(.minutes(2))) func deletedPodsStopWithTheirGracePeriodInParallel() async throws {
        let harness = try AgentHarness(ports: 33_800...33_899)
        do {
            // The shell ignores SIGTERM: only the grace period's end (SIGKILL) stops it.
            let stubborn = AgentHarness.deployment(
                "stubborn", command: "trap '' TERM; while true; do sleep 1; done",
                pod: ["terminationGracePeriodSeconds": 3], replicas: 3)
            try await harness.apply([stubborn])
            #expect(
                try await DockerNodeAgentTests.eventually(30) {
                    try await harness.containers().filter { $0.state == "running" }.count == 3
                }, "3 containers did not start")
            #expect(try await harness.containers().allSatisfy { $0.labels[ContainerLabels.gracePeriod] == "3" })

            let started = Date()
            _ = await harness.cluster.delete([
                ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "stubborn")
            ])
            #expect(try await DockerNodeAgentTests.eventually(40) { try await harness.containers().isEmpty })
            let took = Date().timeIntervalSince(started)
            // Three stops of 3 s one after another would take 9 s or more; the default 30 s grace far more.
            #expect(took >= 2.5 && took < 8, "the three containers took \(took) s to go")
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
