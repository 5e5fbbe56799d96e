import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// Liveness failures (simulated with the `simulation.capstan.io/liveness-failing` annotation): the container is
/// killed at the failureThreshold-th failed probe and restarted with the same back-off as a crash.
@Suite struct LivenessTests {
    /// (probe, first kill): the pod fails its probe from creation and its container starts at 2 s; probes run
    /// at start + initialDelaySeconds + k × periodSeconds (defaults 0, 10, failureThreshold 3).
    @Test(
        arguments: [
            ([:], 22.0),
            (["initialDelaySeconds": 30], 52),
            (["periodSeconds": 3, "failureThreshold": 5], 14),
        ] as [(Value, Double)])
    func aFailingProbeKillsAtTheThreshold(probe: Value, killAt: Double) async throws {
        let cluster = try Fixtures.cluster()
        var probe = probe
        probe["httpGet"] = ["path": "/healthz", "port": 8080]
        try await cluster.applyAll([
            KubeletFixtures.pod("web", livenessProbe: probe, annotations: [LivenessProbe.failingAnnotation: "app"])
        ])
        await cluster.advance(toSecond: killAt - 0.001)
        #expect(try await cluster.pod("web").container()?.restartCount == 0)
        await cluster.advance(toSecond: killAt)
        let container = try #require(try await cluster.pod("web").container())
        #expect(container.restartCount == 1)
        #expect(container.state == .running(startedAt: KubeletFixtures.at(killAt)))
        #expect(container.lastTermination?.exitCode == 137)
        #expect(container.lastTermination?.finishedAt == KubeletFixtures.at(killAt))
        let killing = try await cluster.events(about: "web", reason: "Killing").first
        #expect(killing?.value["message"] == "Container app failed liveness probe, will be restarted")
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// Failing from 30 s with initialDelaySeconds 15, periodSeconds 5, failureThreshold 2: probes of the first
    /// instance (started at 2 s) fail at 32 and 37 s; the restart is immediate; the next instance is killed
    /// 20 s after each start and waits 10, then 20 s of back-off; the probe passing again stops the kills.
    @Test(.timeLimit(.minutes(1)))
    func aLivenessFailureRestartsWithBackOffUntilTheProbePasses() async throws {
        let cluster = try Fixtures.cluster()
        let probe: Value = [
            "httpGet": ["path": "/healthz", "port": 8080], "initialDelaySeconds": 15, "periodSeconds": 5,
            "failureThreshold": 2,
        ]
        try await cluster.applyAll([KubeletFixtures.pod("web", livenessProbe: probe)])
        let key = KubeletFixtures.podKey("web")
        await cluster.advance(toSecond: 30)
        try await cluster.setLivenessFailing(pod: key, container: "app", true)
        #expect(try await cluster.pod("web").annotations[LivenessProbe.failingAnnotation] == "app")

        // (time, restartCount, waiting in CrashLoopBackOff)
        let timeline: [(Double, Int, Bool)] = [
            (36.999, 0, false), (37, 1, false), (56.999, 1, false), (57, 1, true), (66.999, 1, true),
            (67, 2, false), (87, 2, true), (106.999, 2, true), (107, 3, false),
        ]
        for (time, restarts, backingOff) in timeline {
            await cluster.advance(toSecond: time)
            let container = try #require(try await cluster.pod("web").container())
            #expect(container.restartCount == restarts, "at \(time) s")
            #expect((container.waitingReason == "CrashLoopBackOff") == backingOff, "at \(time) s")
        }
        try await cluster.setLivenessFailing(pod: key, container: "app", false)
        #expect(try await cluster.pod("web").annotations[LivenessProbe.failingAnnotation] == nil)
        await cluster.advance(toSecond: 2000)
        let pod = try await cluster.pod("web")
        #expect(pod.container()?.restartCount == 3)
        #expect(pod.container()?.state == .running(startedAt: KubeletFixtures.at(107)))
        #expect(pod.isPodReady)
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test func aContainerWithoutAProbeCannotFailIt() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        await #expect(throws: ClusterError.self) {
            try await cluster.setLivenessFailing(pod: KubeletFixtures.podKey("web"), container: "app", true)
        }
        await #expect(throws: ClusterError.self) {
            try await cluster.setLivenessFailing(pod: KubeletFixtures.podKey("web"), true)
        }
    }
}
