import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

@Suite struct BrokenCommitTests {
    @Test func brokenYAMLLeavesTheLastGoodRevisionLiveAndSaysWhere() async throws {
        let git = try GitFixture()
        let good = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        let appliedBefore = await harness.cluster.statistics.applyRequests

        // One valid change (replicas 2 → 5) and one broken file in the same commit: nothing may be applied.
        let broken = try git.commit(
            [
                "apps/guestbook/frontend.yaml": GuestbookManifests.deployment("frontend", replicas: 5) + "\n---\n"
                    + GuestbookManifests.service("frontend"),
                "apps/guestbook/broken.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   bad: indent\n",
            ], message: "Break it")
        let outcome = await harness.reconcile()
        guard case .stalled(let message) = outcome else {
            Issue.record("expected a stalled outcome, got \(outcome)")
            return
        }
        #expect(message.hasPrefix("apps/guestbook/broken.yaml:5: "))
        #expect(await harness.cluster.statistics.applyRequests == appliedBefore)
        #expect(try await harness.deployment("frontend")?.value[path: ["spec", "replicas"]] == 2)

        let status = await harness.status
        #expect(status.sync.revision == good)
        #expect(status.sync.attemptedRevision == broken)
        #expect(status.sync.status == .unknown)
        #expect(status.lastSync?.result == .failed)
        #expect(status.lastSync?.revision == broken)
        #expect(status.conditions.first?.type == "ComparisonError")
        #expect(status.conditions.first?.message.hasPrefix("apps/guestbook/broken.yaml:5: ") == true)

        // Polling the same broken commit again records no second failure.
        await harness.reconcile()
        let history = try await harness.store.history(app: "guestbook")
        #expect(history.map(\.result) == [.failed, .succeeded])

        // A fix converges and clears the error.
        let fixed = try git.commit(["apps/guestbook/broken.yaml": nil], message: "Fix it")
        await harness.reconcile()
        let after = await harness.status
        #expect(after.sync.revision == fixed)
        #expect(after.conditions.isEmpty)
        #expect(try await harness.deployment("frontend")?.value[path: ["spec", "replicas"]] == 5)
    }

    @Test func aResourceTheClusterRefusesStopsTheWholeSync() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git)
        defer { harness.cleanUp() }
        await harness.reconcile()
        let appliedBefore = await harness.cluster.statistics.applyRequests
        // The selector no longer matches the template labels: the cluster refuses it on the dry run.
        let bad = GuestbookManifests.deployment("frontend", replicas: 3)
            .replacingOccurrences(
                of: "      labels:\n        app: frontend\n    spec:",
                with: "      labels:\n        app: other\n    spec:")
        try git.commit(
            [
                "apps/guestbook/frontend.yaml": bad + "\n---\n" + GuestbookManifests.service("frontend"),
                "apps/guestbook/config.yaml": GuestbookManifests.configMap(greeting: "changed"),
            ],
            message: "Bad selector")
        let outcome = await harness.reconcile()
        guard case .stalled(let message) = outcome else {
            Issue.record("expected stalled, got \(outcome)")
            return
        }
        #expect(message.contains("Deployment/default/frontend"))
        #expect(message.contains("selector does not match template labels"))
        #expect(await harness.cluster.statistics.applyRequests == appliedBefore)
        #expect(try await harness.live("ConfigMap", "guestbook-config")?.value[path: ["data", "GREETING"]] == "hello")
        #expect(await harness.status.conditions.first?.type == "SyncError")
    }
}
