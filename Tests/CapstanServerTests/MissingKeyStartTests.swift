import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// The service refuses to start when stored records use a key its key file lacks: the error names the key and
/// how many records use it, and the state is left as it was (the right key file starts it again).
@Suite(.serialized) struct MissingKeyStartTests {
    @Test(.timeLimit(.minutes(2))) func aKeyMissingFromTheRingIsAClearStartupError() async throws {
        let canary = "missing-key-canary-\(UUID().uuidString.prefix(8).lowercased())"
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        files["apps/guestbook/secret.yaml"] =
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \(canary)\n"
        try git.commit(files, message: "Guestbook and a Secret")
        let fixture = try OfflineStateFixture(git: git)
        defer { fixture.remove() }
        let first = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }

        // The Secret and the ConfigMap are under k1; this key file has only k7.
        let lacking = try fixture.configuration(withKeyNamed: "k7", git: git)
        let refused = try await CapstanBinary.run(["serve", "--config", lacking], timeout: .seconds(30))
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(#"2 record(s) use key "k1", which is not in the key ring"#), "\(refused.stderr)")
        #expect(!refused.stderr.contains(canary) && !refused.stdout.contains(canary))

        let status = try await fixture.capstan(["keys", "status"])
        #expect(KeysStatusTable(status.stdout).rows["k1"]?["RECORDS"] == "2", "\(status.stdout)")
        let again = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await again.stopping(keepState: true) {
            let secret = try await again.json("GET", "/api/v1/cluster/secrets/default/db")
            #expect(secret[path: ["data", "password"]] == .string("<redacted, \(canary.utf8.count) bytes>"))
        }
    }
}
