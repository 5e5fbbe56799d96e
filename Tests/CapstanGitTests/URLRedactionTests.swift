import Testing

@testable import CapstanGit

/// URLs lose their userinfo before they reach an error, and secrets are scrubbed from libgit2's messages.
struct URLRedactionTests {
    @Test(
        arguments: [
            ("https://user:pass@git.example.com/org/repo.git", "https://git.example.com/org/repo.git", "user"),
            (
                "https://ghp_token123@git.example.com/org/repo.git", "https://git.example.com/org/repo.git",
                "ghp_token123"
            ),
            ("https://u:p@ss@git.example.com:8443/x", "https://git.example.com:8443/x", "u"),
            ("ssh://git@git.example.com:2222/x.git", "ssh://git.example.com:2222/x.git", "git"),
            ("git@github.com:org/repo.git", "git@github.com:org/repo.git", "git"),
            ("file:///srv/git/repo.git", "file:///srv/git/repo.git", nil),
            ("https://git.example.com/a@b/repo.git", "https://git.example.com/a@b/repo.git", nil),
        ] as [(String, String, String?)])
    func userinfoIsRemoved(raw: String, redacted: String, username: String?) {
        let url = RemoteURL(raw)
        #expect(url.redacted == redacted)
        #expect(url.username == username)
    }

    @Test(
        arguments: [
            ("ssh://git@git.example.com:2222/x.git", "git.example.com", 2222),
            ("git@github.com:org/repo.git", "github.com", nil),
            ("http://[::1]:8080/x.git", "::1", 8080),
            ("https://git.example.com/x.git", "git.example.com", nil),
        ] as [(String, String, Int?)])
    func hostAndPortAreFound(raw: String, host: String, port: Int?) {
        let url = RemoteURL(raw)
        #expect(url.host == host)
        #expect(url.port == port)
    }

    @Test func scrubberReplacesURLAndEverySecret() {
        let scrubber = SecretScrubber(
            url: RemoteURL("https://bot:url-secret@git.example.com/x.git"),
            credentials: .password(username: "bot", password: "configured-secret"))
        let text = "failed https://bot:url-secret@git.example.com/x.git with configured-secret and url-secret"
        #expect(scrubber.scrub(text) == "failed https://git.example.com/x.git with *** and ***")
    }

    @Test func credentialsDescriptionNeverShowsSecrets() {
        let descriptions = [
            GitCredentials.password(username: "bot", password: "pw-123").description,
            GitCredentials.token("tok-456").description,
            GitCredentials.sshKey(privateKeyFile: "/keys/id", passphrase: "phrase-789").description,
        ]
        #expect(descriptions == ["password for bot", "password for x-access-token", "ssh key /keys/id"])
    }
}
