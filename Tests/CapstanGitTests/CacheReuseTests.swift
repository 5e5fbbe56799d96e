import CapstanGit
import Foundation
import Testing

/// The bare clone survives the repository object (and the process): reused when healthy,
/// wiped and re-cloned when corrupt or cloned from another URL.
@Suite struct CacheReuseTests {
    let fixture: GitFixture
    let commit: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("apps/web/deployment.yaml", "kind: Deployment\n")
        commit = try fixture.commit("First")
        try fixture.push()
    }

    @Test func secondObjectReusesTheCloneWithoutCloning() async throws {
        let first = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        _ = try await first.resolve(ref: "main")
        let marker = first.cachePath + "/capstan-test-marker"
        #expect(FileManager.default.createFile(atPath: marker, contents: Data()))

        let second = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        #expect(try await second.resolve(ref: "main").id == commit)
        #expect(try await second.files(at: commit, under: "apps").count == 1)
        #expect(second.activity == RepositoryActivity(clones: 0, fetches: 0, remoteListings: 1, cacheResets: 0))
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func knownCommitIsReadFromAReusedCacheWithoutTheRemote() async throws {
        _ = try await LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory).resolve(ref: "main")
        try FileManager.default.moveItem(atPath: fixture.remotePath, toPath: fixture.remotePath + ".away")

        let restarted = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        #expect(try await restarted.resolve(ref: commit).id == commit)
        #expect(try await restarted.files(at: commit, under: "").map(\.path) == ["apps/web/deployment.yaml"])
        #expect(restarted.activity.remoteListings == 0)
    }

    /// Ways a cache can break: each must end in a fresh clone and a correct answer.
    @Test(arguments: ["missing objects directory", "garbage HEAD", "garbage in every object", "not a repository"])
    func corruptCacheIsRecovered(damage: String) async throws {
        // The first object is gone before the damage: libgit2 shares open pack files between
        // repositories of one path, so a live object would keep serving the old bytes.
        let cachePath = try await cloneAndRelease()
        try corrupt(cachePath, how: damage)

        let second = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        #expect(try await second.resolve(ref: "main").id == commit)
        #expect(try await second.files(at: commit, under: "apps").count == 1)
        #expect(second.activity.cacheResets == 1)
        #expect(second.activity.clones == 1)
    }

    @Test func cacheClonedFromAnotherURLIsReplaced() async throws {
        let other = try GitFixture(name: "other")
        let otherCommit = try other.commit("Other history")
        try other.push()
        _ = try await LibGit2Repository(url: other.url, cacheDirectory: fixture.cacheDirectory).resolve(ref: "main")

        let repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        #expect(try await repository.resolve(ref: "main").id == commit)
        #expect(repository.activity.cacheResets == 1)
        await #expect(throws: GitError.self) { try await repository.resolve(ref: otherCommit) }
    }

    private func cloneAndRelease() async throws -> String {
        let first = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
        _ = try await first.resolve(ref: "main")
        return first.cachePath
    }

    private func corrupt(_ cache: String, how damage: String) throws {
        let files = FileManager.default
        switch damage {
        case "missing objects directory":
            try files.removeItem(atPath: cache + "/objects")
        case "garbage HEAD":
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: cache + "/HEAD"))
            try files.removeItem(atPath: cache + "/refs")
        case "garbage in every object":
            let objects = cache + "/objects"
            let all = try #require(files.enumerator(atPath: objects)).compactMap { $0 as? String }
            var damaged = 0
            for relative in all where !relative.hasPrefix("info") {
                let path = objects + "/" + relative
                var isDirectory: ObjCBool = false
                guard files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                try files.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
                try Data(repeating: 0x5A, count: 64).write(to: URL(fileURLWithPath: path))
                damaged += 1
            }
            #expect(damaged > 0)
        default:
            try files.removeItem(atPath: cache)
            try Data("not a repository".utf8).write(to: URL(fileURLWithPath: cache))
        }
    }
}
