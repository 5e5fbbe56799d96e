import Foundation
import Testing

@testable import CapstanGit

/// Host keys are checked against a known_hosts file written the way OpenSSH writes it.
@Suite struct KnownHostsTests {
    let directory: TemporaryDirectory
    let trustedKey: (line: String, blob: [UInt8])
    let otherKey: (line: String, blob: [UInt8])

    init() throws {
        directory = try TemporaryDirectory()
        trustedKey = try Self.makeKey(named: "trusted", in: directory)
        otherKey = try Self.makeKey(named: "other", in: directory)
    }

    @Test(
        arguments: [
            ("gitea.internal", nil, KnownHosts.Verdict.trusted),
            ("gitea.internal", 22, .trusted),
            ("GITEA.internal", nil, .trusted),
            ("gitea.internal", 2222, .unknown),
            ("other.internal", nil, .unknown),
        ] as [(String, Int?, KnownHosts.Verdict)])
    func plainEntryMatchesHostAndDefaultPort(host: String, port: Int?, verdict: KnownHosts.Verdict) {
        let file = KnownHosts(contents: "# comment\n\ngitea.internal \(trustedKey.line)\n")
        #expect(file.verdict(host: host, port: port, key: trustedKey.blob) == verdict)
    }

    @Test func nonStandardPortUsesBracketedForm() {
        let file = KnownHosts(contents: "[git.example.com]:2222 \(trustedKey.line)\n")
        #expect(file.verdict(host: "git.example.com", port: 2222, key: trustedKey.blob) == .trusted)
        #expect(file.verdict(host: "git.example.com", port: nil, key: trustedKey.blob) == .unknown)
    }

    @Test func hashedEntryWrittenBySSHKeygenMatches() throws {
        let path = directory.appending("known_hosts")
        try Data("git.example.com \(trustedKey.line)\n[git.example.com]:2222 \(otherKey.line)\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        try Command.run("/usr/bin/ssh-keygen", ["-H", "-f", path])
        let contents = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!contents.contains("git.example.com"))
        let file = KnownHosts(contents: contents)
        #expect(file.verdict(host: "git.example.com", port: nil, key: trustedKey.blob) == .trusted)
        #expect(file.verdict(host: "git.example.com", port: 2222, key: otherKey.blob) == .trusted)
        #expect(file.verdict(host: "git.example.com", port: nil, key: otherKey.blob) == .mismatch)
        #expect(file.verdict(host: "elsewhere.example.com", port: nil, key: trustedKey.blob) == .unknown)
    }

    @Test func listedHostWithAnotherKeyIsAMismatch() {
        let file = KnownHosts(contents: "gitea.internal \(otherKey.line)\n")
        #expect(file.verdict(host: "gitea.internal", port: nil, key: trustedKey.blob) == .mismatch)
    }

    @Test func wildcardsAndNegation() {
        let file = KnownHosts(contents: "*.example.com,!evil.example.com,git?.corp \(trustedKey.line)\n")
        #expect(file.verdict(host: "git.example.com", port: nil, key: trustedKey.blob) == .trusted)
        #expect(file.verdict(host: "git1.corp", port: nil, key: trustedKey.blob) == .trusted)
        #expect(file.verdict(host: "evil.example.com", port: nil, key: trustedKey.blob) == .unknown)
        #expect(file.verdict(host: "example.com", port: nil, key: trustedKey.blob) == .unknown)
    }

    @Test func revokedKeyIsRefusedEvenWhenAlsoListed() {
        let file = KnownHosts(contents: "@revoked * \(trustedKey.line)\ngitea.internal \(trustedKey.line)\n")
        #expect(file.verdict(host: "gitea.internal", port: nil, key: trustedKey.blob) == .revoked)
    }

    @Test func certificateAuthorityLinesAreNotTrustedAsHostKeys() {
        let file = KnownHosts(contents: "@cert-authority gitea.internal \(trustedKey.line)\n")
        #expect(file.verdict(host: "gitea.internal", port: nil, key: trustedKey.blob) == .unknown)
    }

    /// A fresh ed25519 key: its `type base64` known_hosts fields and the raw blob libssh2 reports.
    private static func makeKey(named name: String, in directory: TemporaryDirectory) throws -> (String, [UInt8]) {
        let path = directory.appending(name)
        try Command.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
        let fields = try String(contentsOfFile: path + ".pub", encoding: .utf8).split(separator: " ")
        let blob = try #require(Data(base64Encoded: String(fields[1])))
        return ("\(fields[0]) \(fields[1])", Array(blob))
    }
}
