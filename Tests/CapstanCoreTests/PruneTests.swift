import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

@Suite struct PruneTests {
    @Test func aDeletedFileIsPruned() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git, prune: true)
        defer { harness.cleanUp() }
        await harness.reconcile()
        #expect(try await harness.live("ConfigMap", "guestbook-config") != nil)

        try git.commit(["apps/guestbook/config.yaml": nil], message: "Drop the config map")
        await harness.reconcile()
        #expect(try await harness.live("ConfigMap", "guestbook-config") == nil)
        let status = await harness.status
        #expect(status.sync.status == .synced)
        #expect(!status.resources.contains { $0.kind == "ConfigMap" })
        let history = try await harness.store.history(app: "guestbook")
        #expect(history[0].changeSet.lines.contains("deleted ConfigMap/default/guestbook-config"))
        #expect(try await harness.store.inventory(app: "guestbook").keys.contains { $0.kind == "ConfigMap" } == false)
    }

    @Test func withPruneOffTheResourceStaysAndTheAppIsOutOfSync() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git, prune: false)
        defer { harness.cleanUp() }
        await harness.reconcile()
        try git.commit(["apps/guestbook/config.yaml": nil], message: "Drop the config map")
        await harness.reconcile()
        #expect(try await harness.live("ConfigMap", "guestbook-config") != nil)
        let status = await harness.status
        #expect(status.sync.status == .outOfSync)
        #expect(status.sync.reason == "RequiresPruning")
        let configMap = try #require(status.resources.first { $0.kind == "ConfigMap" })
        #expect(configMap.status == .outOfSync)
        #expect(configMap.message?.contains("prune is off") == true)
    }
}
