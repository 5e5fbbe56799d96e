import CapstanGit
import Foundation
import Testing

/// Remote failures name the operation and the URL (never credentials) and say that retrying may help.
@Suite struct ErrorTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    @Test(arguments: ["file:///does/not/exist", "http://127.0.0.1:1/x.git"])
    func unreachableURLFailsTheCloneRetryably(url: String) async throws {
        let repository = LibGit2Repository(url: url, cacheDirectory: directory.appending("cache"))
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .transport)
        #expect(error.operation == .clone)
        #expect(error.isRetryable)
        #expect(error.url == url)
        #expect(error.ref == "main")
        #expect(error.message.hasPrefix("clone of \(url) failed: "))
        #expect(error.libgit2Message?.isEmpty == false)
    }

    @Test func connectionRefusedIsReportedAsSuch() async throws {
        let repository = LibGit2Repository(url: "http://127.0.0.1:1/x.git", cacheDirectory: directory.appending("c"))
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.message.lowercased().contains("connect"))
    }

    @Test func credentialsNeverAppearInErrors() async throws {
        let url = "http://deploy:s3cr3t-in-url@127.0.0.1:1/team/app.git"
        let repository = LibGit2Repository(
            url: url, cacheDirectory: directory.appending("cache"),
            credentials: .password(username: "deploy", password: "hunter2-token"))
        #expect(repository.displayURL == "http://127.0.0.1:1/team/app.git")
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.url == "http://127.0.0.1:1/team/app.git")
        let everything = "\(error) \(error.libgit2Message ?? "") \(String(reflecting: error))"
        for secret in ["s3cr3t-in-url", "hunter2-token", "deploy:"] {
            #expect(!everything.contains(secret))
        }
        #expect(error.message.contains("http://127.0.0.1:1/team/app.git"))
    }

    @Test func remoteGoneAfterCloneFailsTheFetchRetryably() async throws {
        let fixture = try GitFixture()
        try fixture.commit("First")
        try fixture.push()
        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        _ = try await repository.resolve(ref: "main")
        try FileManager.default.moveItem(atPath: fixture.remotePath, toPath: fixture.remotePath + ".away")

        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .transport)
        #expect(error.operation == .fetch)
        #expect(error.isRetryable)
        #expect(error.message.hasPrefix("fetch of \(fixture.url) failed: "))

        try FileManager.default.moveItem(atPath: fixture.remotePath + ".away", toPath: fixture.remotePath)
        #expect(try await repository.resolve(ref: "main").id == fixture.git("rev-parse", "HEAD"))
    }

    @Test func unwritableCacheDirectoryIsACacheError() async throws {
        let blocker = directory.appending("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let repository = LibGit2Repository(url: "file:///does/not/exist", cacheDirectory: blocker + "/cache")
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .cache)
        #expect(error.operation == .openCache)
        #expect(error.message.contains(blocker))
    }
}
