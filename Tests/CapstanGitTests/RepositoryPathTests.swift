import Testing

@testable import CapstanGit

/// Requested directories are normalised or refused; symlink targets resolve relative to the link.
struct RepositoryPathTests {
    @Test(arguments: [
        ("", ""), (".", ""), ("./", ""), ("apps", "apps"), ("apps/web/", "apps/web"),
        ("./apps//web/.", "apps/web"), ("a/./b", "a/b"),
    ])
    func validPathsAreNormalised(raw: String, normalised: String) throws {
        #expect(try #require(RepositoryPath(validating: raw)).description == normalised)
    }

    @Test(arguments: ["/", "/etc", "..", "../x", "a/..", "a/../b", "a/b/../../..", "a/.."])
    func absoluteOrClimbingPathsAreRefused(raw: String) {
        #expect(RepositoryPath(validating: raw) == nil)
    }

    @Test(arguments: [
        ("apps/web/link", "v2/file", "apps/web/v2/file"),
        ("apps/web/link", "../db/file", "apps/db/file"),
        ("apps/web/link", "./same", "apps/web/same"),
        ("top", "sub/file", "sub/file"),
    ])
    func linkTargetsResolveFromTheLinksDirectory(link: String, target: String, resolved: String) throws {
        let path = try #require(RepositoryPath(validating: link))
        #expect(path.resolvingLinkTarget(target)?.description == resolved)
    }

    @Test(arguments: [("top", "../outside"), ("a/b", "../../../x"), ("a/b", "/etc/passwd")])
    func linkTargetsAboveTheRootOrAbsoluteAreNil(link: String, target: String) throws {
        #expect(try #require(RepositoryPath(validating: link)).resolvingLinkTarget(target) == nil)
    }

    @Test func containmentIsByWholeComponents() throws {
        let base = try #require(RepositoryPath(validating: "apps/web"))
        #expect(base.contains(try #require(RepositoryPath(validating: "apps/web/x"))))
        #expect(base.contains(base))
        #expect(!base.contains(try #require(RepositoryPath(validating: "apps/website/x"))))
        #expect(RepositoryPath.root.contains(base))
    }
}
