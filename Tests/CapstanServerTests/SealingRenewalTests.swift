import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan keys renew-sealing`: a SealedSecret sealed with the old certificate is in git; after renewing and a
/// restart the service publishes the new key, a second Secret is sealed with it, and one sync opens both.
@Suite(.serialized) struct SealingRenewalTests {
    /// `capstan seal` of a Secret `name` whose `token` is `value`, against the running service.
    static func seal(_ name: String, _ value: String, server: ServerHarness, folder: URL) async throws -> String {
        let file = folder.appendingPathComponent("\(name).yaml")
        try
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: \(name)\n  namespace: default\nstringData:\n  token: \(value)\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let sealed = try await CapstanBinary.run(["seal", "-f", file.path, "--server", server.baseURL])
        #expect(sealed.status == 0, "\(sealed.stderr)")
        try FileManager.default.removeItem(at: file)
        return sealed.stdout
    }

    /// The sealing key ID written in a sealed document's `token` value (bytes 1–8, hex).
    static func sealedKeyID(_ document: String) -> String? {
        guard let line = document.split(separator: "\n").first(where: { $0.contains("token: ") }),
            let bytes = Data(base64Encoded: String(line.split(separator: " ").last ?? "")), bytes.count > 9
        else { return nil }
        return bytes[1..<9].map { String(format: "%02x", $0) }.joined()
    }

    static func token(_ name: String, _ server: ServerHarness) async throws -> String? {
        let key = ResourceKey(group: "", kind: "Secret", namespace: "default", name: name)
        let secret = try await server.app.cluster.get([key])[key]
        return secret?.value[path: ["data", "token"]]?.stringValue.flatMap { Data(base64Encoded: $0) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(.timeLimit(.minutes(2))) func oldSealedSecretsStillOpenAfterRenewingAndNewOnesUseTheNewKey() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let fixture = try OfflineStateFixture(git: git)
        defer { fixture.remove() }
        var oldID = ""
        let first = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            oldID = try await first.json("GET", "/api/v1/sealing/cert")[path: ["keyID"]]?.stringValue ?? ""
            let sealed = try await Self.seal("api", "old-cert-token", server: first, folder: fixture.folder)
            #expect(Self.sealedKeyID(sealed) == oldID, "\(sealed)")
            try git.commit(["apps/guestbook/api-sealed.yaml": sealed], message: "Sealed with the old key")
            let sync = try await CapstanBinary.run(["sync", "guestbook", "--server", first.baseURL])
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
            #expect(try await Self.token("api", first) == "old-cert-token")
        }
        #expect(oldID.count == 16)

        let renew = try await fixture.capstan(["keys", "renew-sealing"])
        #expect(renew.status == 0, "\(renew.stderr)")
        let prefix = "added sealing key "
        let newID = String(
            renew.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }?
                .dropFirst(prefix.count).prefix(16) ?? "")
        #expect(newID.count == 16 && newID != oldID, "\(renew.stdout)")
        #expect(renew.stdout.contains("restart the service"), "\(renew.stdout)")
        #expect(renew.stdout.contains("keep opening what was sealed to them: \(oldID)"), "\(renew.stdout)")
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let status = try await fixture.capstan(["keys", "status"])
        #expect(status.stdout.contains("Sealing keys (newest first): \(newID), \(oldID)"), "\(status.stdout)")

        let second = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await second.stopping(keepState: true) {
            let cert = try await second.json("GET", "/api/v1/sealing/cert")
            #expect(cert[path: ["keyID"]]?.stringValue == newID)
            let sealed = try await Self.seal("web", "new-cert-token", server: second, folder: fixture.folder)
            #expect(Self.sealedKeyID(sealed) == newID, "\(sealed)")
            try git.commit(["apps/guestbook/web-sealed.yaml": sealed], message: "Sealed with the new key")
            let sync = try await CapstanBinary.run(["sync", "guestbook", "--server", second.baseURL])
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
            #expect(try await Self.token("api", second) == "old-cert-token")
            #expect(try await Self.token("web", second) == "new-cert-token")
        }
    }
}
