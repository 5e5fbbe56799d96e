import CapstanGit
import Foundation
import Testing

/// Over ssh with a key file: a known_hosts file decides which servers are trusted.
/// Runs where OpenSSH's sshd is installed and the tests run as root (see `SSHServer`).
@Suite(.enabled(if: SSHServer.isAvailable, "needs /usr/sbin/sshd (openssh-server) and root"))
struct SSHTransportTests {
    let fixture: GitFixture
    let server: SSHServer
    let commit: String
    let url: String

    init() throws {
        fixture = try GitFixture()
        try fixture.write("deploy/app.yaml", "kind: Deployment\n")
        commit = try fixture.commit("First")
        try fixture.push()
        server = try SSHServer(directory: fixture.directory)
        url = "ssh://root@127.0.0.1:\(server.port)\(fixture.remotePath)"
    }

    @Test func keyAndKnownHostClonesAndReads() async throws {
        let knownHosts = try writeKnownHosts("# trusted\n\(server.knownHostsLine)\n")
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials:
                .sshKey(privateKeyFile: server.clientKey, knownHostsFile: knownHosts))
        #expect(try await repository.resolve(ref: "main").id == commit)
        #expect(try await repository.files(at: commit, under: "deploy").map(\.path) == ["deploy/app.yaml"])
        #expect(try await repository.resolve(ref: "main").id == commit)
        #expect(repository.activity.fetches == 0)
    }

    @Test func unknownHostIsRefused() async throws {
        let knownHosts = try writeKnownHosts("[127.0.0.1]:1 \(server.hostKey)\n127.0.0.2 \(server.hostKey)\n")
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials:
                .sshKey(privateKeyFile: server.clientKey, knownHostsFile: knownHosts))
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .untrustedServer)
        #expect(!error.isRetryable)
        #expect(
            error.message == "clone of ssh://127.0.0.1:\(server.port)\(fixture.remotePath) failed: ssh host "
                + "127.0.0.1:\(server.port) is not in known_hosts file \(knownHosts); refusing to connect")
    }

    @Test func changedHostKeyIsRefused() async throws {
        let otherKey = fixture.directory.appending("other_host_key")
        try Command.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", otherKey])
        let fields = try String(contentsOfFile: otherKey + ".pub", encoding: .utf8).split(separator: " ")
        let knownHosts = try writeKnownHosts("[127.0.0.1]:\(server.port) \(fields[0]) \(fields[1])\n")
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials:
                .sshKey(privateKeyFile: server.clientKey, knownHostsFile: knownHosts))
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .untrustedServer)
        #expect(error.message.contains("does not match known_hosts file"))
    }

    @Test func keyTheServerDoesNotAcceptFailsFast() async throws {
        let strangerKey = fixture.directory.appending("stranger_key")
        try Command.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", strangerKey])
        let knownHosts = try writeKnownHosts(server.knownHostsLine + "\n")
        let repository = LibGit2Repository(
            url: url, cacheDirectory: fixture.cacheDirectory,
            credentials:
                .sshKey(privateKeyFile: strangerKey, knownHostsFile: knownHosts))
        let started = ContinuousClock.now
        let error = try await #require(throws: GitError.self) { try await repository.resolve(ref: "main") }
        #expect(error.kind == .authentication)
        #expect(!error.isRetryable)
        // A guard against a credentials callback that loops, not a speed test: the machine may be loaded.
        #expect(ContinuousClock.now - started < .seconds(90))
    }

    private func writeKnownHosts(_ contents: String) throws -> String {
        let path = fixture.directory.appending("known_hosts-\(UUID().uuidString.prefix(6))")
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
