import CapstanGit
import CapstanModel
import Foundation
import Testing

/// A first `resolve` clones into a bare cache and turns branches, tags and commit ids into commits.
@Suite struct CloneAndResolveTests {
    /// Three commits: the first tagged `v1` (lightweight), the second `v2` (annotated); `main` at the third.
    let fixture: GitFixture
    let first: String
    let second: String
    let third: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("apps/web/deployment.yaml", "kind: Deployment\n")
        first = try fixture.commit("Add web\n\nThe first application.")
        try fixture.git("tag", "v1")
        try fixture.write("apps/web/service.yaml", "kind: Service\n")
        second = try fixture.commit("Add service")
        try fixture.git("tag", "-a", "v2", "-m", "Release 2")
        try fixture.write("apps/web/service.yaml", "kind: Service\nspec: {}\n")
        third = try fixture.commit("Change service")
        try fixture.push()
    }

    @Test func branchResolvesToItsTipWithAuthorMessageAndDate() async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        let revision = try await repository.resolve(ref: "main")
        #expect(
            revision
                == Revision(
                    id: third, author: GitFixture.authorName, authorEmail: GitFixture.authorEmail,
                    message: "Change service\n", date: GitFixture.date(ofCommit: 3)))
        #expect(repository.activity.clones == 1)
    }

    @Test func firstCommitKeepsItsFullMessage() async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        let revision = try await repository.resolve(ref: first)
        #expect(revision.message == "Add web\n\nThe first application.\n")
        #expect(revision.date == GitFixture.date(ofCommit: 1))
    }

    @Test(arguments: [
        ("main", 3), ("refs/heads/main", 3),
        ("v1", 1), ("refs/tags/v1", 1),  // lightweight tag
        ("v2", 2), ("refs/tags/v2", 2),  // annotated tag, peeled to its commit
    ])
    func refResolvesToCommit(ref: String, commitNumber: Int) async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        let expected = [first, second, third][commitNumber - 1]
        #expect(try await repository.resolve(ref: ref).id == expected)
    }

    @Test func fullCommitIDResolvesWithoutBeingABranchTip() async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        #expect(try await repository.resolve(ref: second).id == second)
        #expect(try await repository.resolve(ref: second.uppercased()).id == second)
    }

    @Test func cloneIsBareWithBranchesUnderOriginAndTags() async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        _ = try await repository.resolve(ref: "main")
        let cache = repository.cachePath
        #expect(repository.cachePath.hasPrefix(fixture.cacheDirectory))
        #expect(try Command.run("/usr/bin/git", ["--git-dir", cache, "rev-parse", "--is-bare-repository"]) == "true\n")
        let refs = try Command.run("/usr/bin/git", ["--git-dir", cache, "for-each-ref", "--format=%(refname)"])
        #expect(refs.split(separator: "\n") == ["refs/remotes/origin/main", "refs/tags/v1", "refs/tags/v2"])
        #expect(!FileManager.default.fileExists(atPath: cache + "/apps"))
    }

    @Test(arguments: ["nope", "refs/heads/nope", "feature/x"])
    func unknownRefNamesTheRefAndTheURL(ref: String) async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: ref) }
        #expect(error.kind == .refNotFound)
        #expect(!error.isRetryable)
        #expect(error.ref == ref)
        #expect(error.message == "ref \(ref) not found in \(fixture.url) (no branch or tag of that name)")
    }

    @Test(arguments: ["", "bad..name", "with space", "star*"])
    func malformedRefIsRefusedWithoutContactingTheRemote(ref: String) async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: ref) }
        #expect(error.kind == .refNotFound)
        #expect(error.message.contains(fixture.url))
        #expect(repository.activity.remoteListings == 0)
    }

    @Test func unknownCommitIDIsNotFoundAfterOneFetch() async throws {
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        let missing = String(repeating: "ab", count: 20)
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: missing) }
        #expect(error.kind == .commitNotFound)
        #expect(!error.isRetryable)
        #expect(error.message == "commit \(missing) not found in \(fixture.url) (not reachable from any branch or tag)")
        #expect(repository.activity.clones == 1)
    }
}
