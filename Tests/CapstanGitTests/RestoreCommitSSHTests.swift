import CapstanGit
import Foundation
import Testing

/// Rollback commits pushed over ssh with a key and a known_hosts file (see `SSHServer` for what it needs).
@Suite(.enabled(if: SSHServer.isAvailable, "needs /usr/sbin/sshd (openssh-server) and root"))
struct RestoreCommitSSHTests {
    let fixture: GitFixture
    let server: SSHServer
    let url: String
    let knownHosts: String
    let good: String
    let bad: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("apps/shop/deploy.yaml", "replicas: 1\n")
        good = try fixture.commit("Good")
        try fixture.write("apps/shop/deploy.yaml", "replicas: 0\n")
        bad = try fixture.commit("Bad")
        try fixture.push()
        server = try SSHServer(directory: fixture.directory)
        url = "ssh://root@127.0.0.1:\(server.port)\(fixture.remotePath)"
        knownHosts = fixture.directory.appending("known_hosts")
        try Data((server.knownHostsLine + "\n").utf8).write(to: URL(fileURLWithPath: knownHosts))
    }

    @Test func pushesWithTheKey() async throws {
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .sshKey(privateKeyFile: server.clientKey, knownHostsFile: knownHosts))

        let result = try await repository.commitRestoringPath(.restoring("apps/shop", to: good))

        #expect(result.parent == bad)
        #expect(try fixture.remote("rev-parse", "main") == result.commit)
        #expect(try fixture.remote("diff", good, "main") == "")
        #expect(try await repository.resolve(ref: "main").id == result.commit)
    }

    @Test func keyTheServerDoesNotAcceptIsAnAuthenticationError() async throws {
        let strangerKey = fixture.directory.appending("stranger_key")
        try Command.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", strangerKey])
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials: .sshKey(privateKeyFile: strangerKey, knownHostsFile: knownHosts))

        let error = try await #require(throws: GitError.self) {
            try await repository.commitRestoringPath(.restoring("apps/shop", to: good))
        }

        #expect(error.kind == .authentication)
        #expect(!error.isRetryable)
        #expect(error.message.contains("rejected the configured credentials (ssh key \(strangerKey))"))
        #expect(error.message.hasSuffix("on branch main; retrying will not help)"))
        #expect(try fixture.remote("rev-parse", "main") == bad)
    }
}
