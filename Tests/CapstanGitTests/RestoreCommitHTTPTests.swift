import CapstanGit
import Foundation
import Testing

/// Rollback commits pushed over smart http with Basic authentication, and credentials that may only read.
@Suite struct RestoreCommitHTTPTests {
    let fixture: GitFixture
    let good: String
    let bad: String

    init() throws {
        fixture = try GitFixture(name: "app")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        good = try fixture.commit("Good")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 0\n")
        bad = try fixture.commit("Bad")
        try fixture.push()
    }

    @Test func pushesWithThePassword() async throws {
        let server = try SmartHTTPServer(
            root: fixture.directory.path, username: "deployer", password: "correct-horse",
            directory: fixture.directory)
        let repository = LibGit2Repository(
            url: "http://127.0.0.1:\(server.port)/app.git", cacheDirectory: fixture.cacheDirectory,
            credentials: .token("correct-horse", username: "deployer"))

        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: good))

        #expect(try fixture.remote("rev-parse", "main") == result.commit)
        #expect(try fixture.remote("diff", good, "main") == "")
        #expect(server.requests.contains("POST /app.git/git-receive-pack auth-ok"))
        #expect(!server.requests.contains { $0.hasSuffix("auth-bad") })
    }

    @Test func readOnlyCredentialsFailThePushClearly() async throws {
        let server = try SmartHTTPServer(
            root: fixture.directory.path, username: "deployer", password: "read-only-token",
            pushPassword: "write-token", directory: fixture.directory)
        let url = "http://127.0.0.1:\(server.port)/app.git"
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .password(username: "deployer", password: "read-only-token"))

        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: good))
        }

        #expect(error.kind == .authentication)
        #expect(!error.isRetryable)
        #expect(error.operation == .push)
        #expect(
            error.message
                == "push of branch main to \(url) failed: \(url) rejected the configured credentials "
                + "(password for deployer) (restoring apps/shop to \(good.prefix(12)) on branch main; "
                + "retrying will not help)")
        #expect(!"\(error) \(error.libgit2Message ?? "")".contains("read-only-token"))
        #expect(try fixture.remote("rev-parse", "main") == bad)
        // Reading still works with the same object afterwards.
        #expect(try await repository.resolve(ref: "main").id == bad)
    }
}
