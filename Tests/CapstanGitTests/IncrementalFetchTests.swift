import CapstanGit
import Foundation
import Testing

/// After the clone, `resolve` fetches only when the wanted ref moved on the remote.
@Suite struct IncrementalFetchTests {
    let fixture: GitFixture
    let repository: LibGit2Repository
    let initial: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("app.yaml", "replicas: 1\n")
        initial = try fixture.commit("First")
        try fixture.push()
        repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
    }

    @Test func newCommitPushedIsSeen() async throws {
        #expect(try await repository.resolve(ref: "main").id == initial)
        try fixture.write("app.yaml", "replicas: 2\n")
        let next = try fixture.commit("Scale up")
        try fixture.push()

        #expect(try await repository.resolve(ref: "main").id == next)
        #expect(repository.activity.clones == 1)
        #expect(repository.activity.fetches == 1)
        let files = try await repository.files(at: next, under: "")
        #expect(files.map(\.contents) == [Array("replicas: 2\n".utf8)])
    }

    @Test func forcePushIsFollowed() async throws {
        try fixture.write("app.yaml", "replicas: 2\n")
        let doomed = try fixture.commit("Scale up")
        try fixture.push()
        #expect(try await repository.resolve(ref: "main").id == doomed)

        try fixture.git("reset", "--quiet", "--hard", initial)
        try fixture.write("app.yaml", "replicas: 3\n")
        let rewritten = try fixture.commit("Scale up more")
        try fixture.push(force: true)

        #expect(try await repository.resolve(ref: "main").id == rewritten)
    }

    @Test func movedTagIsFollowed() async throws {
        try fixture.git("tag", "stable")
        try fixture.push()
        #expect(try await repository.resolve(ref: "stable").id == initial)
        let next = try fixture.commit("Next")
        try fixture.git("tag", "--force", "stable")
        try fixture.push()
        #expect(try await repository.resolve(ref: "stable").id == next)
    }

    @Test func unchangedRemoteListsRefsButDoesNotFetch() async throws {
        #expect(try await repository.resolve(ref: "main").id == initial)
        let fetchHead = repository.cachePath + "/FETCH_HEAD"
        let stampBefore = try modificationDate(fetchHead)
        let packsBefore = try packFiles()
        let before = repository.activity

        for _ in 0..<3 {
            #expect(try await repository.resolve(ref: "main").id == initial)
        }

        let after = repository.activity
        #expect(after.fetches == before.fetches)
        #expect(after.clones == before.clones)
        #expect(after.remoteListings == before.remoteListings + 3)
        #expect(try modificationDate(fetchHead) == stampBefore)
        #expect(try packFiles() == packsBefore)
    }

    @Test func knownCommitIDNeedsNoNetworkAtAll() async throws {
        _ = try await repository.resolve(ref: "main")
        let before = repository.activity
        #expect(try await repository.resolve(ref: initial).id == initial)
        #expect(repository.activity == before)
    }

    @Test func commitIDNotYetFetchedIsFetched() async throws {
        _ = try await repository.resolve(ref: "main")
        let next = try fixture.commit("Next")
        try fixture.push()
        #expect(try await repository.resolve(ref: next).id == next)
        #expect(repository.activity.fetches == 1)
    }

    @Test func deletedBranchIsNoLongerResolved() async throws {
        try fixture.push(branch: "feature")
        #expect(try await repository.resolve(ref: "feature").id == initial)
        try fixture.git("push", "--quiet", "origin", "--delete", "feature")
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "feature") }
        #expect(error.kind == .refNotFound)
    }

    @Test func otherRefsAreFetchedOnDemand() async throws {
        let next = try fixture.commit("Proposed change")
        try fixture.git("push", "--quiet", "origin", "HEAD:refs/pull/7/head")
        #expect(try await repository.resolve(ref: "refs/pull/7/head").id == next)
        #expect(try await repository.resolve(ref: "main").id == initial)
    }

    private func modificationDate(_ path: String) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    private func packFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repository.cachePath + "/objects/pack").sorted()
    }
}
