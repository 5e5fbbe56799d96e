import Testing

@testable import CapstanWebhooks

@Suite struct PushHintMatchingTests {
    let hint = PushHint(
        provider: .github,
        repositoryURLs: ["https://github.com/octo/shop.git", "git@github.com:octo/shop.git"], branch: "main")

    @Test(arguments: [
        ("https://github.com/octo/shop", "main", true),
        ("ssh://git@github.com/octo/shop.git", "main", true),
        ("git@GitHub.com:octo/shop", "refs/heads/main", true),
        ("https://github.com/octo/shop", "develop", false),
        ("https://github.com/octo/shop", "refs/tags/main", false),
        ("https://github.com/octo/other", "main", false),
        ("https://gitlab.com/octo/shop", "main", false),
    ])
    func concerns(repository: String, ref: String, expected: Bool) {
        #expect(hint.concerns(repository: repository, ref: ref) == expected)
    }

    @Test func localPathsMatchTheirFileURLs() {
        let local = PushHint(provider: .generic, repositoryURLs: ["/tmp/x/remote.git"], branch: "main")
        #expect(local.concerns(repository: "file:///tmp/x/remote.git", ref: "main"))
        #expect(!local.concerns(repository: "file:///tmp/x/remote", ref: "main"))
    }
}
