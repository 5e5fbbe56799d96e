import CapstanCore
import CapstanModel
import CapstanTestSupport
import Testing

@Suite struct SourceErrorTests {
    @Test func aMissingPathIsAClearError() async throws {
        let git = try GitFixture()
        let commit = try git.commit(GuestbookManifests.initial(), message: "Add guestbook")
        let harness = try await CoreHarness.make(git: git, path: "apps/nope")
        defer { harness.cleanUp() }
        let outcome = await harness.reconcile()
        guard case .stalled(let message) = outcome else {
            Issue.record("expected stalled, got \(outcome)")
            return
        }
        #expect(message.contains("apps/nope"))
        #expect(message.contains(String(commit.prefix(7))))
        #expect(await harness.status.conditions.first?.type == "ComparisonError")
        #expect(await harness.cluster.statistics.applyRequests == 0)
    }

    @Test func anUnreachableRepositoryIsAClearRetryableError() async throws {
        let git = try GitFixture()
        let harness = try await CoreHarness.make(git: git, url: "file:///nonexistent/capstan/repo.git")
        defer { harness.cleanUp() }
        let outcome = await harness.reconcile()
        guard case .retry(let message) = outcome else {
            Issue.record("expected retry, got \(outcome)")
            return
        }
        #expect(message.contains("file:///nonexistent/capstan/repo.git"))
        let status = await harness.status
        #expect(status.conditions.first?.type == "SourceError")
        #expect(status.sync.status == .unknown)
    }
}
