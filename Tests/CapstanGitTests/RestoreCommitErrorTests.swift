import CapstanGit
import Foundation
import Testing

/// A rollback commit that cannot be made says what failed, on which remote and branch, and whether retrying
/// helps; nothing reaches the remote.
@Suite struct RestoreCommitErrorTests {
    let fixture: GitFixture
    let repository: LibGit2Repository
    let head: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        head = try fixture.commit("Only commit")
        try fixture.push()
        repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
    }

    @Test func unknownTargetCommitIsNotRetryable() async throws {
        let unknown = String(repeating: "ab", count: 20)
        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: unknown))
        }
        #expect(error.kind == .commitNotFound)
        #expect(!error.isRetryable)
        #expect(error.operation == .commit)
        #expect(error.url == fixture.url)
        #expect(error.ref == "main")
        #expect(
            error.message
                == "commit \(unknown) not found in \(fixture.url) (not reachable from any branch or tag) "
                + "(restoring apps/shop to abababababab on branch main; retrying will not help)")
        #expect(try fixture.remote("rev-parse", "main") == head)
        #expect(repository.activity.pushes == 0)
    }

    @Test func unknownBranchIsNotRetryable() async throws {
        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: head, branch: "release"))
        }
        #expect(error.kind == .refNotFound)
        #expect(!error.isRetryable)
        #expect(error.message.hasPrefix("branch release not found in \(fixture.url) (restoring apps/shop"))
    }

    @Test func unreachableRemoteIsRetryable() async throws {
        _ = try await repository.resolve(ref: "main")
        try FileManager.default.moveItem(atPath: fixture.remotePath, toPath: fixture.remotePath + ".away")
        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: head))
        }
        #expect(error.kind == .transport)
        #expect(error.isRetryable)
        #expect(error.message.hasPrefix("fetch of \(fixture.url) failed: "))
        #expect(error.message.hasSuffix("on branch main; retrying may help)"))
    }

    /// Requests refused before any git work.
    struct BadRequest: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: GitError.Kind
        var message: String
        var change: @Sendable (inout RestoreCommitRequest) -> Void

        var testDescription: String { name }

        static let all: [BadRequest] = [
            BadRequest(name: "empty branch", kind: .invalidRequest, message: "\"\" is not a valid branch name") {
                $0.branch = ""
            },
            BadRequest(name: "bad branch", kind: .invalidRequest, message: "\"a..b\" is not a valid branch name") {
                $0.branch = "a..b"
            },
            BadRequest(name: "climbing path", kind: .invalidPath, message: "path ../etc is not allowed") {
                $0.path = "../etc"
            },
            BadRequest(name: "absolute path", kind: .invalidPath, message: "path /apps is not allowed") {
                $0.path = "/apps"
            },
            BadRequest(name: "short target", kind: .commitNotFound, message: "abc123 is not a full 40-hex") {
                $0.target = "abc123"
            },
            BadRequest(name: "empty name", kind: .invalidRequest, message: "the committer name is empty") {
                $0.committer.name = " "
            },
            BadRequest(name: "email with <", kind: .invalidRequest, message: "the committer email contains") {
                $0.committer.email = "<ops@example.com>"
            },
            BadRequest(name: "blank message", kind: .invalidRequest, message: "the commit message is empty") {
                $0.message = "  \n\n "
            },
        ]
    }

    @Test(arguments: BadRequest.all)
    func malformedRequestIsRefusedBeforeAnyGitWork(bad: BadRequest) async throws {
        var request = RestoreCommitRequest.restoring("apps/shop", to: head)
        bad.change(&request)
        let error = try await #require(throws: GitError.self) { try await repository.commitRestoringPath(request) }
        #expect(error.kind == bad.kind)
        #expect(!error.isRetryable)
        #expect(error.message.hasPrefix(bad.message))
        #expect(error.message.hasSuffix("retrying will not help)"))
        #expect(repository.activity == RepositoryActivity())
    }
}
