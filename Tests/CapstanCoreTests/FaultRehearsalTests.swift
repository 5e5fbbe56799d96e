import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

/// Rehearsing a bad image on the simulated cluster, seen the way a user sees it: the app's health.
@Suite struct FaultRehearsalTests {
    @Test(.timeLimit(.minutes(1))) func anUnpullableImageDegradesTheAppAtTheDeadlineAndRecovers() async throws {
        let git = try GitFixture()
        let deployment = GuestbookManifests.deployment("frontend", replicas: 2, image: "registry.example/app:2.0")
            .replacingOccurrences(of: "  replicas: 2\n", with: "  replicas: 2\n  progressDeadlineSeconds: 120\n")
        try git.commit(["apps/guestbook/frontend.yaml": deployment], message: "Deploy 2.0")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.cluster.setImagePullable("registry.example/app:2.0", false)

        #expect(await harness.reconcile() == .progressing)
        await harness.cluster.advance(by: .seconds(119))
        await harness.reconcile(.clusterChange)
        #expect(await harness.status.health.status == .progressing)

        await harness.cluster.advance(by: .seconds(1))
        await harness.reconcile(.clusterChange)
        let degraded = await harness.status
        #expect(degraded.health.status == .degraded)
        #expect(degraded.health.message.contains("exceeded its progress deadline"))
        #expect(degraded.sync.status == .synced)

        // `capstan sim image ok`: the next pull after the back-off succeeds and the app recovers.
        await harness.cluster.setImagePullable("registry.example/app:2.0", true)
        await harness.cluster.advance(by: .seconds(310))
        await harness.reconcile(.clusterChange)
        #expect(await harness.status.health.status == .healthy)
        #expect(await harness.cluster.statistics.livelocks == 0)
    }
}
