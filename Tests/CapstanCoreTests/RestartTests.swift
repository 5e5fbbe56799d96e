import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

@Suite struct RestartTests {
    @Test func aRestartOnTheSameStateMakesNoBackendWrites() async throws {
        let git = try GitFixture()
        let commit = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let first = try await CoreHarness.make(git: git)
        defer { first.cleanUp() }
        await first.reconcile()
        await first.cluster.advance(by: .seconds(3))
        await first.reconcile(.clusterChange)
        let statusBefore = await first.status
        let podsBefore = try await first.cluster.list(
            .init(group: "", version: "v1", kind: "Pod", plural: "pods"), namespace: "default")

        let second = try await CoreHarness.make(git: git, stateDirectory: first.stateDirectory)
        #expect(await second.reconciler.status.sync.revision == commit)
        #expect(await second.reconcile() == .done)
        #expect(await second.cluster.statistics.applyRequests == 0)
        #expect(await second.cluster.statistics.deleteRequests == 0)
        #expect(await second.cluster.statistics.objectWrites == 0)
        // Equal as stored (times have millisecond precision on disk).
        var statusAfter = await second.status
        var expected = statusBefore
        statusAfter.reconciledAt = nil
        expected.reconciledAt = nil
        #expect(try CapstanJSON.encode(statusAfter) == CapstanJSON.encode(expected))
        #expect(
            try await second.cluster.list(
                .init(group: "", version: "v1", kind: "Pod", plural: "pods"), namespace: "default") == podsBefore)
        #expect(try await second.store.history(app: "guestbook").count == 1)
    }
}
