import CapstanGit
import Testing

/// Symlinks are followed only while they stay inside the requested directory; paths never climb out.
@Suite struct SymlinkSafetyTests {
    let fixture: GitFixture
    let repository: LibGit2Repository
    let commit: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("apps/web/v2/deployment.yaml", "image: web:2\n")
        try fixture.symlink("apps/web/current.yaml", to: "v2/deployment.yaml")
        try fixture.symlink("apps/web/alias.yaml", to: "./current.yaml")  // a chain of two links
        try fixture.write("apps/db/secret.yaml", "password: hunter2\n")
        try fixture.symlink("apps/escape/leak.yaml", to: "../db/secret.yaml")
        try fixture.symlink("apps/absolute/passwd.yaml", to: "/etc/passwd")
        try fixture.symlink("apps/root/above.yaml", to: "../../../outside.yaml")
        try fixture.symlink("apps/dangling/gone.yaml", to: "nothing-here.yaml")
        try fixture.write("apps/dir/real/x.yaml", "x: 1\n")
        try fixture.symlink("apps/dir/linked", to: "real")
        try fixture.symlink("apps/loop/a.yaml", to: "b.yaml")
        try fixture.symlink("apps/loop/b.yaml", to: "a.yaml")
        try fixture.write("shared/base.yaml", "kind: Base\n")
        try fixture.symlink("shared/overlay/base.yaml", to: "../base.yaml")
        commit = try fixture.commit("Links")
        try fixture.push()
        repository = LibGit2Repository(url: fixture.url, cacheDirectory: fixture.cacheDirectory)
    }

    @Test func linksInsidePathAreFollowed() async throws {
        let files = try await repository.files(at: commit, under: "apps/web")
        let expected = Array("image: web:2\n".utf8)
        #expect(files.map(\.path) == ["apps/web/alias.yaml", "apps/web/current.yaml", "apps/web/v2/deployment.yaml"])
        #expect(files.allSatisfy { $0.contents == expected })
    }

    @Test func theSameLinkIsFollowedOrRefusedDependingOnThePath() async throws {
        let wide = try await repository.files(at: commit, under: "shared")
        #expect(wide.map(\.path) == ["shared/base.yaml", "shared/overlay/base.yaml"])
        #expect(wide.last?.contents == Array("kind: Base\n".utf8))
        let error = try await #require(throws: GitError.self) {
            try await repository.files(at: commit, under: "shared/overlay")
        }
        #expect(error.kind == .unsafeSymlink)
    }

    @Test(arguments: [
        ("apps/escape", "symlink apps/escape/leak.yaml -> ../db/secret.yaml", "its target is outside apps/escape"),
        ("apps/absolute", "symlink apps/absolute/passwd.yaml -> /etc/passwd", "its target is an absolute path"),
        ("apps/root", "symlink apps/root/above.yaml -> ../../../outside.yaml", "its target is outside apps/root"),
        (
            "apps/dangling", "symlink apps/dangling/gone.yaml -> nothing-here.yaml",
            "apps/dangling/nothing-here.yaml does not exist"
        ),
        ("apps/dir", "symlink apps/dir/linked -> real", "only links to files are followed"),
        ("apps/loop", "symlink apps/loop/a.yaml", "more than 8 links in a chain"),
    ])
    func unsafeLinksAreRefusedNamingLinkAndTarget(path: String, link: String, reason: String) async throws {
        let error = try await #require(throws: GitError.self) {
            try await repository.files(at: commit, under: path)
        }
        #expect(error.kind == .unsafeSymlink)
        #expect(!error.isRetryable)
        #expect(error.message.hasPrefix("\(link) at commit \(commit.prefix(7)) of \(fixture.url)"))
        #expect(error.message.contains(reason))
        #expect(!error.message.contains("hunter2"))
    }

    @Test(arguments: ["..", "../other", "apps/../..", "apps/..", "apps/web/../../x", "/etc", "/"])
    func pathsThatClimbOrAreAbsoluteAreRefused(path: String) async throws {
        let error = try await #require(throws: GitError.self) {
            try await repository.files(at: commit, under: path)
        }
        #expect(error.kind == .invalidPath)
        #expect(!error.isRetryable)
        #expect(error.path == path)
        #expect(error.message.hasPrefix("path \(path) is not allowed"))
        #expect(repository.activity.remoteListings == 0)
    }
}
