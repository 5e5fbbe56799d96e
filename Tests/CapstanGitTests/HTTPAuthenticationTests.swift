import CapstanGit
import Foundation
import Testing

/// Over smart HTTP with Basic auth: the configured password is sent, a wrong one fails after one try.
@Suite struct HTTPAuthenticationTests {
    let fixture: GitFixture
    let server: SmartHTTPServer
    let commit: String
    let url: String

    init() throws {
        fixture = try GitFixture(name: "app")
        try fixture.write("deploy/app.yaml", "kind: Deployment\n")
        commit = try fixture.commit("First")
        try fixture.push()
        server = try SmartHTTPServer(
            root: fixture.directory.path, username: "deployer", password: "correct-horse",
            directory: fixture.directory)
        url = "http://127.0.0.1:\(server.port)/app.git"
    }

    @Test func rightPasswordClonesFetchesAndReads() async throws {
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .password(username: "deployer", password: "correct-horse"))
        #expect(try await repository.resolve(ref: "main").id == commit)
        #expect(try await repository.files(at: commit, under: "deploy").map(\.path) == ["deploy/app.yaml"])

        let next = try fixture.commit("Second")
        try fixture.push()
        #expect(try await repository.resolve(ref: "main").id == next)
        #expect(repository.activity.fetches == 1)
        #expect(server.requests.contains { $0.hasPrefix("POST /app.git/git-upload-pack auth-ok") })
        #expect(!server.requests.contains { $0.hasSuffix("auth-bad") })
    }

    @Test func wrongPasswordFailsFastWithoutLeakingIt() async throws {
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .password(username: "deployer", password: "wrong-battery"))
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .authentication)
        #expect(!error.isRetryable)
        #expect(error.operation == .clone)
        #expect(
            error.message == "clone of \(url) failed: \(url) rejected the configured credentials "
                + "(password for deployer)")
        #expect(!"\(error) \(error.libgit2Message ?? "")".contains("wrong-battery"))
        // One unauthenticated probe and one attempt with the password: no retry loop.
        #expect(server.requests.count <= 2)
        #expect(server.requests.filter { $0.hasSuffix("auth-bad") }.count == 1)
    }

    @Test func missingCredentialsAreNamedAsTheProblem() async throws {
        let repository = LibGit2Repository(url: url, cacheDirectory: fixture.cacheDirectory)
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .authentication)
        #expect(error.message == "clone of \(url) failed: \(url) asks for credentials but none are configured")
        #expect(server.requests.count == 1)
    }

    @Test func tokenCredentialsUseTheGivenUsername() async throws {
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .token("correct-horse", username: "deployer"))
        #expect(try await repository.resolve(ref: "main").id == commit)
    }
}
