import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// Crashed containers: restarted at once the first time, then after 10, 20, 40 … s of CrashLoopBackOff capped at
/// 300 s, with restartCount, lastState and Ready following; the back-off starts over after 10 minutes of running.
@Suite struct CrashLoopBackOffTests {
    /// The wait before each restart when the container crashes 5 s after every start (kubelet's doBackOff).
    static let waits: [Double] = [0, 10, 20, 40, 80, 160, 300, 300]

    @Test(.timeLimit(.minutes(1)))
    func crashesAreRestartedWithDoublingBackOff() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web", readinessDelay: 5)])
        let key = KubeletFixtures.podKey("web")
        let uid = try await cluster.pod("web").uid
        var now = 7.0  // started at 2 s, ready at 7 s
        await cluster.advance(toSecond: now)
        #expect(try await cluster.pod("web").isPodReady)

        for (index, wait) in Self.waits.enumerated() {
            let startedAt = try #require(try await cluster.pod("web").container()?.runningSince)
            try await cluster.crashContainer(pod: key)
            let restarts = index + 1
            var pod = try await cluster.pod("web")
            #expect(!pod.isPodReady)
            #expect(pod.podPhase == "Running")
            let ended = ContainerStatus.Termination(
                exitCode: 1, reason: "Error", startedAt: startedAt, finishedAt: KubeletFixtures.at(now),
                containerID: pod.container()?.lastTermination?.containerID)
            #expect(pod.container()?.lastTermination == ended)
            if wait > 0 {
                let message =
                    "back-off \(PodSync.goDuration(wait)) restarting failed container=app pod=web_default(\(uid))"
                #expect(pod.container()?.state == .waiting(reason: "CrashLoopBackOff", message: message))
                #expect(pod.container()?.restartCount == restarts - 1)
                await cluster.advance(toSecond: now + wait - 0.001)
                #expect(try await cluster.pod("web").container()?.waitingReason == "CrashLoopBackOff")
            }
            await cluster.advance(toSecond: now + wait)
            pod = try await cluster.pod("web")
            #expect(
                pod.container()?.state == .running(startedAt: KubeletFixtures.at(now + wait)), "restart \(restarts)")
            #expect(pod.container()?.restartCount == restarts)
            #expect(!pod.isPodReady)
            now += wait + 5
            await cluster.advance(toSecond: now)
            #expect(try await cluster.pod("web").isPodReady)
        }
        let backOff = try await cluster.events(about: "web", reason: "BackOff").first
        #expect(
            backOff?.value["message"]?.stringValue
                == "Back-off restarting failed container app in pod web_default(\(uid))")
        #expect(backOff?.value["count"]?.intValue == Self.waits.count - 1)
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// (seconds run since the last restart before the next crash, wait before the restart that follows):
    /// exactly 10 minutes keeps the back-off (300 s), longer starts it over (an immediate restart).
    @Test(.timeLimit(.minutes(1)), arguments: [(600.0, 300.0), (600.001, 0.0), (601.0, 0.0)])
    func theBackOffStartsOverAfterTenMinutesOfRunning(ran: Double, wait: Double) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        let key = KubeletFixtures.podKey("web")
        var now = 2.0
        for delay in [0.0, 10, 20, 40, 80, 160, 300] {  // back-off now at its 300 s cap
            await cluster.advance(toSecond: now)
            try await cluster.crashContainer(pod: key)
            now += delay
        }
        await cluster.advance(toSecond: now)
        #expect(try await cluster.pod("web").container()?.restartCount == 7)
        now += ran
        await cluster.advance(toSecond: now)
        try await cluster.crashContainer(pod: key)
        await cluster.advance(toSecond: now + wait)
        let container = try #require(try await cluster.pod("web").container())
        #expect(container.state == .running(startedAt: KubeletFixtures.at(now + wait)))
        #expect(container.restartCount == 8)
        // After a reset the next crash waits the initial 10 s.
        if wait == 0 {
            await cluster.advance(toSecond: now + 1)
            try await cluster.crashContainer(pod: key)
            #expect(try await cluster.pod("web").container()?.waitingReason == "CrashLoopBackOff")
            await cluster.advance(toSecond: now + 11)
            #expect(try await cluster.pod("web").container()?.restartCount == 9)
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// Always and OnFailure restart a container that exited with an error; Never leaves the pod Failed.
    @Test(arguments: [("Always", "Running", 1), ("OnFailure", "Running", 1), ("Never", "Failed", 0)])
    func theRestartPolicyDecides(policy: String, phase: String, restarts: Int) async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web", restartPolicy: policy)])
        await cluster.advance(toSecond: 5)
        try await cluster.crashContainer(pod: KubeletFixtures.podKey("web"))
        await cluster.advance(toSecond: 100)
        let pod = try await cluster.pod("web")
        #expect(pod.podPhase == phase)
        #expect(pod.container()?.restartCount == restarts)
        if policy == "Never" {
            guard case .terminated(let ended) = pod.container()?.state else {
                Issue.record("the container should stay terminated")
                return
            }
            #expect(ended.exitCode == 1)
            #expect(ended.reason == "Error")
            #expect(pod.condition("Ready")?["reason"] == "PodFailed")
        } else {
            #expect(pod.isPodReady)
        }
    }

    @Test func aContainerThatIsNotRunningCannotCrash() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        await #expect(throws: ClusterError.self) {
            try await cluster.crashContainer(pod: KubeletFixtures.podKey("web"))
        }
        await cluster.advance(toSecond: 2)
        await #expect(throws: ClusterError.self) {
            try await cluster.crashContainer(pod: KubeletFixtures.podKey("web"), container: "sidecar")
        }
        await #expect(throws: ClusterError.self) {
            try await cluster.crashContainer(pod: KubeletFixtures.podKey("nope"))
        }
        try await cluster.crashContainer(pod: KubeletFixtures.podKey("web"))
    }

    /// A crashing ReplicaSet pod counts as a replica but not as ready: the Deployment loses availability.
    @Test func aCrashLoopingPodMakesItsDeploymentUnavailable() async throws {
        let cluster = try Fixtures.cluster()
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 1)])
        await cluster.advance(toSecond: 5)
        let pod = try #require(try await cluster.pods().first)
        try await cluster.crashContainer(pod: pod.key)
        await cluster.advance(toSecond: 6)
        try await cluster.crashContainer(pod: pod.key)
        let deployment = try #require(try await cluster.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("status", "replicas") == 1)
        #expect(deployment.int("status", "availableReplicas") == 0)
        #expect(try await cluster.pods().count == 1)
        await cluster.advance(toSecond: 16)
        #expect(try await cluster.object(Fixtures.deploymentKey("web"))?.int("status", "availableReplicas") == 1)
    }
}
