import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan keys remove NAME`: refused (non-zero, the key file untouched) for a name not in the ring, the only key,
/// the primary key, a key records still use, and while the service runs; after `keys add` and `keys rewrap` it
/// removes the old key, the file stays 0600, and the restarted service reads every Secret.
@Suite(.serialized) struct KeysRemoveTests {
    @Test(.timeLimit(.minutes(3))) func removeRefusesUntilNoRecordUsesTheKeyThenEverythingStillReads() async throws {
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        files["apps/guestbook/secrets.yaml"] = (0..<2).map {
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s-\($0)\nstringData:\n  token: t\($0)\n"
        }.joined(separator: "---\n")
        try git.commit(files, message: "Guestbook and two Secrets")
        let fixture = try OfflineStateFixture(git: git)
        defer { fixture.remove() }
        let first = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }

        func refused(_ name: String, _ expected: [String]) async throws {
            let before = try Data(contentsOf: URL(fileURLWithPath: fixture.keyFile))
            let result = try await fixture.capstan(["keys", "remove", name])
            #expect(result.status != 0, "\(result.stdout)")
            for text in expected { #expect(result.stderr.contains(text), "\(result.stderr)") }
            #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.keyFile)) == before, "the key file is unchanged")
        }
        try await refused("k9", ["no key named k9 in \(fixture.keyFile) (keys: k1)", "nothing removed"])
        try await refused("k1", ["k1 is the only key", "nothing removed"])
        #expect(try await fixture.capstan(["keys", "add", "k2"]).status == 0)
        try await refused(
            "k2", ["k2 is the primary key", "add a new key and rewrap first", "capstan keys add NEW --config"])
        // The guestbook's ConfigMap and the two Secrets are still under k1.
        try await refused(
            "k1", ["3 stored record(s) still use key k1", "run `capstan keys rewrap --config \(fixture.config)`"])

        let running = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await running.stopping(keepState: true) {
            try await refused("k1", ["capstan serve is running on \(fixture.state.path)", "keys remove"])
        }
        let rewrap = try await fixture.capstan(["keys", "rewrap"])
        #expect(rewrap.status == 0, "\(rewrap.stderr)")
        let removed = try await fixture.capstan(["keys", "remove", "k1"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("removed key k1 from \(fixture.keyFile); keys left: k2"), "\(removed.stdout)")
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let status = try await fixture.capstan(["keys", "status"])
        #expect(Set(KeysStatusTable(status.stdout).rows.keys) == ["k2"], "\(status.stdout)")
        #expect(KeysStatusTable(status.stdout).number("k2", "RECORDS") == 3, "\(status.stdout)")

        let after = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await after.stopping(keepState: true) {
            for index in 0..<2 {
                let key = ResourceKey(group: "", kind: "Secret", namespace: "default", name: "s-\(index)")
                let secret = try #require(try await after.app.cluster.get([key])[key])
                #expect(
                    secret.value[path: ["data", "token"]]?.stringValue.flatMap { Data(base64Encoded: $0) }
                        == Data("t\(index)".utf8))
            }
            let config = try await after.json("GET", "/api/v1/cluster/configmaps/default/guestbook-config")
            #expect(config[path: ["data", "GREETING"]] == "hello")
        }
    }
}
