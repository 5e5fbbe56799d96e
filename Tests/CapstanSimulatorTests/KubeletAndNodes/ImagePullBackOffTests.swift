import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// Images marked unpullable: ErrImagePull, ImagePullBackOff, pulls retried after 10 s doubling to 300 s, and a
/// Deployment that exceeds its progress deadline and recovers once the image can be pulled.
@Suite struct ImagePullBackOffTests {
    static let image = "registry.example/app:broken"

    /// (time, waiting reason, failed pulls so far): pulls at 0, 10, 30, 70, 150, 310, 610 s; ImagePullBackOff is
    /// reported from the kubelet's next sync, 10 s after a failure, until the next pull.
    static let timeline: [(Double, String, Int)] = [
        (0, "ErrImagePull", 1), (9.999, "ErrImagePull", 1), (10, "ErrImagePull", 2), (19.999, "ErrImagePull", 2),
        (20, "ImagePullBackOff", 2), (29.999, "ImagePullBackOff", 2), (30, "ErrImagePull", 3),
        (40, "ImagePullBackOff", 3), (70, "ErrImagePull", 4), (80, "ImagePullBackOff", 4),
        (150, "ErrImagePull", 5), (160, "ImagePullBackOff", 5), (309.999, "ImagePullBackOff", 5),
        (310, "ErrImagePull", 6), (609.999, "ImagePullBackOff", 6), (610, "ErrImagePull", 7),
        (910, "ErrImagePull", 8),
    ]

    @Test(.timeLimit(.minutes(1)))
    func pullsAreRetriedWithTheImageBackOff() async throws {
        let cluster = try Fixtures.cluster()
        await cluster.setImagePullable(Self.image, false)
        try await cluster.applyAll([KubeletFixtures.pod("web", image: Self.image)])
        for (time, reason, failures) in Self.timeline {
            await cluster.advance(toSecond: time)
            let pod = try await cluster.pod("web")
            guard case .waiting(let waiting, let message) = pod.container()?.state else {
                Issue.record("at \(time) s the container is not waiting: \(String(describing: pod.container()?.state))")
                continue
            }
            #expect(waiting == reason, "at \(time) s")
            #expect(pod.podPhase == "Pending")
            #expect(!pod.isPodReady)
            if reason == "ImagePullBackOff" { #expect(message == "Back-off pulling image \"\(Self.image)\"") }
            let failed = try await cluster.events(about: "web", reason: "Failed").first {
                $0.value["message"]?.stringValue?.hasPrefix("Failed to pull image") == true
            }
            #expect(failed?.value["count"]?.intValue == failures, "pulls failed by \(time) s")
        }
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func anImageMadePullableIsPulledAtTheNextAttempt() async throws {
        let cluster = try Fixtures.cluster()
        await cluster.setImagePullable(Self.image, false)
        try await cluster.applyAll([KubeletFixtures.pod("web", image: Self.image)])
        await cluster.advance(toSecond: 40)
        await cluster.setImagePullable(Self.image, true)
        // The pull at 70 s succeeds and takes the 2 s start delay; the status keeps the back-off until then.
        await cluster.advance(toSecond: 71.999)
        #expect(try await cluster.pod("web").container()?.waitingReason == "ImagePullBackOff")
        await cluster.advance(toSecond: 72)
        let pod = try await cluster.pod("web")
        #expect(pod.container()?.state == .running(startedAt: KubeletFixtures.at(72)))
        #expect(pod.container()?.restartCount == 0)
        #expect(pod.isPodReady)
        #expect(pod.annotations[KubeletRecord.annotation] == nil)
        #expect(await cluster.statistics.livelocks == 0)
    }

    /// The Deployment's Progressing condition turns False with ProgressDeadlineExceeded exactly
    /// progressDeadlineSeconds after the rollout began, and True again once the pods run.
    @Test(.timeLimit(.minutes(1)))
    func aDeploymentOfAnUnpullableImageExceedsItsDeadlineAndRecovers() async throws {
        let cluster = try Fixtures.cluster()
        await cluster.setImagePullable(Self.image, false)
        try await cluster.applyAll([
            Fixtures.deployment("web", replicas: 2, image: Self.image, progressDeadlineSeconds: 120)
        ])
        let key = Fixtures.deploymentKey("web")

        await cluster.advance(toSecond: 119.999)
        var deployment = try #require(try await cluster.object(key))
        #expect(deployment.condition("Progressing")?["status"] == "True")
        #expect(deployment.int("status", "availableReplicas") == 0)

        await cluster.advance(toSecond: 120)
        deployment = try #require(try await cluster.object(key))
        let progressing = deployment.condition("Progressing")
        #expect(progressing?["status"] == "False")
        #expect(progressing?["reason"] == "ProgressDeadlineExceeded")
        #expect(progressing?["lastUpdateTime"]?.stringValue == SimulatedTime.format(KubeletFixtures.at(120)))

        await cluster.setImagePullable(Self.image, true)
        // Pulls failed at 0, 10, 30, 70 s; the next, at 150 s, succeeds and the pods run at 152 s.
        await cluster.advance(toSecond: 151.999)
        #expect(try await cluster.object(key)?.int("status", "availableReplicas") == 0)
        await cluster.advance(toSecond: 152)
        deployment = try #require(try await cluster.object(key))
        #expect(deployment.int("status", "availableReplicas") == 2)
        #expect(deployment.condition("Progressing")?["status"] == "True")
        #expect(deployment.condition("Progressing")?["reason"] == "NewReplicaSetAvailable")
        #expect(deployment.condition("Available")?["status"] == "True")
        #expect(await cluster.statistics.livelocks == 0)
    }
}
