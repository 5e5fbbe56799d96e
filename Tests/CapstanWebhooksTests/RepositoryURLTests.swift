import Testing

@testable import CapstanWebhooks

@Suite struct RepositoryURLTests {
    @Test(arguments: [
        // The same GitHub repository, however it is written.
        ("https://github.com/Octo/Shop.git", "github.com/Octo/Shop"),
        ("https://github.com/Octo/Shop", "github.com/Octo/Shop"),
        ("https://github.com/Octo/Shop/", "github.com/Octo/Shop"),
        ("https://github.com/Octo/Shop.git/", "github.com/Octo/Shop"),
        ("HTTPS://GitHub.COM/Octo/Shop.git", "github.com/Octo/Shop"),
        ("http://github.com/Octo/Shop", "github.com/Octo/Shop"),
        ("https://token:x-oauth-basic@github.com/Octo/Shop.git", "github.com/Octo/Shop"),
        ("https://github.com:443/Octo/Shop.git", "github.com/Octo/Shop"),
        ("http://github.com:80/Octo/Shop.git", "github.com/Octo/Shop"),
        ("git@github.com:Octo/Shop.git", "github.com/Octo/Shop"),
        ("git@github.com:Octo/Shop", "github.com/Octo/Shop"),
        ("github.com:Octo/Shop.git", "github.com/Octo/Shop"),
        ("ssh://git@github.com/Octo/Shop.git", "github.com/Octo/Shop"),
        ("ssh://git@GITHUB.com:22/Octo/Shop", "github.com/Octo/Shop"),
        ("git+ssh://git@github.com/Octo/Shop.git", "github.com/Octo/Shop"),
        ("git://github.com/Octo/Shop.git", "github.com/Octo/Shop"),
        ("https://github.com/Octo/Shop.git?ref=x#frag", "github.com/Octo/Shop"),
        ("  https://github.com/Octo/Shop.git\n", "github.com/Octo/Shop"),
        // Non-default ports, nested groups, IPv6 and escapes.
        ("ssh://git@gitea.local:2222/octo/shop.git", "gitea.local:2222/octo/shop"),
        ("http://gitea.local:3000/octo/shop.git", "gitea.local:3000/octo/shop"),
        ("https://gitlab.example.com/group/sub/project.git", "gitlab.example.com/group/sub/project"),
        ("http://[::1]:8080/octo/shop.git", "[::1]:8080/octo/shop"),
        ("http://[::1]:80/octo/shop", "[::1]/octo/shop"),
        ("https://git.example.com/octo/my%20shop.git", "git.example.com/octo/my shop"),
        ("https://git.example.com", "git.example.com"),
        // Local repositories: the absolute path, `.git` kept.
        ("file:///srv/git/shop.git", "/srv/git/shop.git"),
        ("file:///srv/git/shop.git/", "/srv/git/shop.git"),
        ("FILE://localhost/srv/git/shop.git", "/srv/git/shop.git"),
        ("file:///srv/git/my%20shop", "/srv/git/my shop"),
        ("/srv/git/shop.git", "/srv/git/shop.git"),
        ("/srv/git/shop.git/", "/srv/git/shop.git"),
        ("/", "/"),
        ("", ""),
        ("   ", ""),
    ])
    func normalizes(url: String, key: String) {
        #expect(RepositoryURL.normalized(url) == key)
    }

    @Test func differentRepositoriesStayDifferent() {
        let keys = [
            "https://github.com/octo/shop", "https://github.com/Octo/Shop", "https://github.com/octo/shop-api",
            "https://gitlab.com/octo/shop", "https://github.com:8443/octo/shop", "/srv/git/shop.git",
            "/srv/git/shop",
        ].map(RepositoryURL.normalized)
        #expect(Set(keys).count == keys.count)
    }
}
