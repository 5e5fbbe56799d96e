import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

@Suite struct SelfHealTests {
    @Test func driftIsCorrectedWithSelfHeal() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git, selfHeal: true)
        defer { harness.cleanUp() }
        await harness.reconcile()
        var drifted = try #require(try await harness.deployment("frontend"))
        drifted.value[path: ["spec", "replicas"]] = 7
        _ = await harness.cluster.apply([drifted])
        _ = await harness.cluster.delete([
            .init(group: "", kind: "ConfigMap", namespace: "default", name: "guestbook-config")
        ])

        await harness.reconcile(.clusterChange)
        #expect(try await harness.deployment("frontend")?.value[path: ["spec", "replicas"]] == 2)
        #expect(try await harness.live("ConfigMap", "guestbook-config") != nil)
        let history = try await harness.store.history(app: "guestbook")
        #expect(history[0].trigger == .selfHeal)
        #expect(history[0].changeSet.lines.contains("configured Deployment/default/frontend"))
        #expect(history[0].changeSet.lines.contains("created ConfigMap/default/guestbook-config"))
    }

    @Test func withoutSelfHealDriftIsReportedUntilAManualSync() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git, selfHeal: false)
        defer { harness.cleanUp() }
        await harness.reconcile()
        var drifted = try #require(try await harness.deployment("frontend"))
        drifted.value[path: ["spec", "replicas"]] = 7
        _ = await harness.cluster.apply([drifted])

        await harness.reconcile()
        #expect(try await harness.deployment("frontend")?.value[path: ["spec", "replicas"]] == 7)
        let status = await harness.status
        #expect(status.sync.status == .outOfSync)
        #expect(status.sync.reason == "Drift")
        #expect(status.resources.first { $0.kind == "Deployment" }?.status == .outOfSync)

        await harness.reconcile(.manual)
        #expect(try await harness.deployment("frontend")?.value[path: ["spec", "replicas"]] == 2)
        #expect(await harness.status.sync.status == .synced)
        #expect(try await harness.store.history(app: "guestbook")[0].trigger == .manual)
    }
}
