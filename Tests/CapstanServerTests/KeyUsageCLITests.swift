import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

/// Encryptions per key, persisted in the state store: `capstan keys status` shows them and they grow with every
/// sync that writes Secrets; at 2^32 (NIST SP 800-38D) both `keys status` and the service at start warn, naming
/// the key, the count and the rotation commands, and a key one below the limit gets no warning.
@Suite(.serialized) struct KeyUsageCLITests {
    /// Three Secrets and a ConfigMap whose values carry `version`.
    static func configuration(version: Int) -> String {
        let secrets = (0..<3).map {
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s-\($0)\nstringData:\n  token: v\(version)-\($0)\n"
        }
        return (secrets + ["apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  mode: v\(version)\n"])
            .joined(separator: "---\n")
    }

    @Test(.timeLimit(.minutes(2))) func encryptionCountsGrowWithSyncsThatWriteSecrets() async throws {
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        files["apps/guestbook/extra.yaml"] = Self.configuration(version: 1)
        try git.commit(files, message: "Guestbook and configuration")
        let fixture = try OfflineStateFixture(git: git)
        defer { fixture.remove() }
        let first = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }
        let status = try await fixture.capstan(["keys", "status"])
        #expect(status.status == 0, "\(status.stderr)")
        let table = KeysStatusTable(status.stdout)
        // The guestbook's ConfigMap, three Secrets and one more ConfigMap, each encrypted at least once.
        #expect(table.number("k1", "RECORDS") == 5, "\(status.stdout)")
        let before = try #require(table.number("k1", "ENCRYPTIONS"), "\(status.stdout)")
        #expect(before >= 5, "\(status.stdout)")
        #expect(!status.stdout.contains("WARNING"), "\(status.stdout)")

        let second = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await second.stopping(keepState: true) {
            _ = try await second.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            try git.commit(["apps/guestbook/extra.yaml": Self.configuration(version: 2)], message: "New tokens")
            let sync = try await CapstanBinary.run(["sync", "guestbook", "--server", second.baseURL])
            #expect(sync.status == 0, "\(sync.stdout)\(sync.stderr)")
            let config = try await second.json("GET", "/api/v1/cluster/configmaps/default/extra")
            #expect(config[path: ["data", "mode"]] == "v2")
        }
        let after = KeysStatusTable(try await fixture.capstan(["keys", "status"]).stdout)
        #expect(after.number("k1", "RECORDS") == 5)
        // Three Secrets and a ConfigMap changed: at least four more encryptions.
        #expect((after.number("k1", "ENCRYPTIONS") ?? 0) >= before + 4, "before: \(before), after: \(after.rows)")
    }

    @Test(.timeLimit(.minutes(2))) func aKeyAtTwoToThe32EncryptionsIsWarnedAboutByStatusAndAtStart() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let fixture = try OfflineStateFixture(git: git)
        defer { fixture.remove() }
        let first = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }
        #expect(try await fixture.capstan(["keys", "add", "k2"]).status == 0)
        // The service is stopped: the counts are set in the SQLite file itself, k2 (primary) at the limit and k1
        // one below it.
        try StateDatabase.execute(
            """
                INSERT INTO key_usage (key, encryptions) VALUES ('k2', 4294967296), ('k1', 4294967295)
                ON CONFLICT(key) DO UPDATE SET encryptions = excluded.encryptions
            """, path: fixture.storePath)

        let status = try await fixture.capstan(["keys", "status"])
        #expect(status.status == 0, "\(status.stderr)")
        let table = KeysStatusTable(status.stdout)
        #expect(table.number("k2", "ENCRYPTIONS") == 4_294_967_296, "\(status.stdout)")
        #expect(table.number("k1", "ENCRYPTIONS") == 4_294_967_295, "\(status.stdout)")
        let warnings = status.stdout.split(separator: "\n").filter { $0.hasPrefix("WARNING: ") }
        #expect(warnings.count == 1, "\(status.stdout)")
        let warning = String(warnings.first ?? "")
        #expect(warning.contains("key k2 has done 4294967296 encryptions"), "\(warning)")
        #expect(warning.contains("NIST SP 800-38D"), "\(warning)")
        #expect(warning.contains("`capstan keys add NEW --config \(fixture.config)`"), "\(warning)")
        #expect(warning.contains("`capstan keys rewrap --config \(fixture.config)`"), "\(warning)")
        #expect(!status.stdout.contains("key k1 has done"), "one below the limit: no warning")

        let serve = try await ServeProcess.start(
            config: fixture.config, logFile: fixture.folder.appendingPathComponent("serve.log"))
        let log = serve.log
        #expect(try await serve.stop() == 0)
        #expect(log.contains("key k2 has done 4294967296 encryptions"), "\(log)")
        #expect(log.contains("capstan keys add NEW --config"), "\(log)")
        #expect(!log.contains("key k1 has done"), "\(log)")
    }
}
