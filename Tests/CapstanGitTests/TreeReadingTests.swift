import CapstanGit
import CapstanModel
import Testing

/// `files(at:under:)` reads blobs straight from the commit's tree: recursive, scoped, sorted, byte-exact.
@Suite struct TreeReadingTests {
    let fixture: GitFixture
    let repository: LibGit2Repository
    let commit: String
    static let binary: [UInt8] = Array(0...255) + [0, 0, 0xFF, 0xFE]

    init() throws {
        fixture = try GitFixture()
        try fixture.write("README.md", "# sample\n")
        try fixture.write("sample-repo/guestbook/frontend.yaml", "kind: Deployment\n")
        try fixture.write("sample-repo/guestbook/backend/redis.yaml", "kind: StatefulSet\n")
        try fixture.write("sample-repo/guestbook/backend/deeper/config.json", "{}\n")
        try fixture.write("sample-repo/guestbook/Zeta.yaml", "kind: Service\n")
        try fixture.write("sample-repo/guestbook/logo.bin", bytes: Self.binary)
        try fixture.write("sample-repo/guestbook/scripts/hook.sh", "#!/bin/sh\n")
        try fixture.git("update-index", "--add", "--chmod=+x", "sample-repo/guestbook/scripts/hook.sh")
        try fixture.write("sample-repo/guestbook-other/x.yaml", "kind: ConfigMap\n")
        try fixture.write("sample-repo/other/y.yaml", "kind: Secret\n")
        // A submodule entry (a commit in the tree): listed by git, but has no content to read.
        try fixture.git(
            "update-index", "--add", "--cacheinfo",
            "160000,\(String(repeating: "1", count: 40)),sample-repo/guestbook/vendor")
        commit = try fixture.commit("Sample")
        try fixture.push()
        repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
    }

    @Test func readsOnlyUnderPathRecursivelySortedWithFullPaths() async throws {
        _ = try await repository.resolve(ref: "main")
        let files = try await repository.files(at: commit, under: "sample-repo/guestbook")
        #expect(
            files.map(\.path) == [
                "sample-repo/guestbook/Zeta.yaml",
                "sample-repo/guestbook/backend/deeper/config.json",
                "sample-repo/guestbook/backend/redis.yaml",
                "sample-repo/guestbook/frontend.yaml",
                "sample-repo/guestbook/logo.bin",
                "sample-repo/guestbook/scripts/hook.sh",
            ])
        #expect(files.first { $0.path.hasSuffix("redis.yaml") }?.contents == Array("kind: StatefulSet\n".utf8))
    }

    @Test func bytesAreExact() async throws {
        _ = try await repository.resolve(ref: "main")
        let files = try await repository.files(at: commit, under: "sample-repo/guestbook")
        #expect(files.first { $0.path.hasSuffix("logo.bin") }?.contents == Self.binary)
    }

    @Test(arguments: ["", ".", "./", ".//."])
    func emptyPathMeansTheWholeRepository(path: String) async throws {
        _ = try await repository.resolve(ref: "main")
        let files = try await repository.files(at: commit, under: path)
        #expect(files.count == 9)
        #expect(files.first?.path == "README.md")
    }

    @Test(arguments: ["sample-repo/guestbook/", "./sample-repo//guestbook", "sample-repo/./guestbook"])
    func equivalentSpellingsOfAPathReadTheSameFiles(path: String) async throws {
        _ = try await repository.resolve(ref: "main")
        let files = try await repository.files(at: commit, under: path)
        #expect(files.count == 6)
    }

    @Test func missingPathNamesPathShortCommitAndURL() async throws {
        _ = try await repository.resolve(ref: "main")
        let error = try await #require(throws: GitError.self) {
            try await repository.files(at: commit, under: "sample-repo/missing")
        }
        #expect(error.kind == .pathNotFound)
        #expect(!error.isRetryable)
        #expect(
            error.description
                == "path sample-repo/missing not found at commit \(commit.prefix(7)) of \(fixture.url)")
    }

    @Test func fileInsteadOfDirectoryIsRefused() async throws {
        _ = try await repository.resolve(ref: "main")
        let error = try await #require(throws: GitError.self) {
            try await repository.files(at: commit, under: "README.md")
        }
        #expect(error.kind == .pathNotFound)
        #expect(error.message.contains("is not a directory"))
    }

    @Test func commitNotYetInTheCacheIsFetched() async throws {
        let files = try await repository.files(at: commit, under: "sample-repo/other")
        #expect(files.map(\.path) == ["sample-repo/other/y.yaml"])
        #expect(repository.activity.clones == 1)
    }

    @Test(arguments: ["main", "abc1234", String(repeating: "z", count: 40)])
    func somethingOtherThanAFullCommitIDIsRefused(commit: String) async throws {
        let error = try await #require(throws: GitError.self) {
            try await repository.files(at: commit, under: "")
        }
        #expect(error.kind == .commitNotFound)
        #expect(error.message.contains("is not a full 40-hex commit id"))
    }
}
