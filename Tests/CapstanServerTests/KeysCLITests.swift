import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// `capstan keys status` and `capstan keys add` on a configuration's key file and state directory, after a
/// service has stored encrypted Secrets and ConfigMaps there.
@Suite(.serialized) struct KeysCLITests {
    @Test(.timeLimit(.minutes(1))) func statusCountsRecordsPerKeyAndAddMakesANewPrimary() async throws {
        let git = try GitFixture()
        try git.commit(GuestbookManifests.initial(), message: "Guestbook")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        let server = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await server.stopping(keepState: true) {
            _ = try await server.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }
        let config = folder.appendingPathComponent("capstan.yaml")
        try "stateDir: state\napps:\n  - {name: guestbook, repo: \(git.url), path: apps/guestbook}\n"
            .write(to: config, atomically: true, encoding: .utf8)

        let status = try await CapstanBinary.run(["keys", "status", "--config", config.path])
        #expect(status.status == 0, "\(status.stderr)")
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Key file: \(state.path)/keys.yaml")
        // The guestbook's ConfigMap is the one record of its kinds (plus nothing unencrypted).
        #expect(lines.contains { $0.hasPrefix("k1 ") && $0.contains(" yes ") && $0.hasSuffix(" 1") }, "\(lines)")
        #expect(!status.stdout.contains("not encrypted"))
        #expect(lines.last?.hasPrefix("Sealing keys (newest first): ") == true)

        let add = try await CapstanBinary.run(["keys", "add", "k2", "--config", config.path])
        #expect(add.status == 0, "\(add.stderr)")
        let mode =
            try FileManager.default.attributesOfItem(atPath: state.path + "/keys.yaml")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let after = try await CapstanBinary.run(["keys", "status", "--config", config.path])
        let rows = after.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("k2 ") && $0.contains(" yes ") && $0.hasSuffix(" 0") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("k1 ") && !$0.contains(" yes ") && $0.hasSuffix(" 1") }, "\(rows)")
        let again = try await CapstanBinary.run(["keys", "add", "k2", "--config", config.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("k2"), "\(again.stderr)")

        // The service starts again on the new primary and still reads what k1 encrypted.
        let restarted = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await restarted.stopping(keepState: true) {
            let config = try await restarted.json("GET", "/api/v1/cluster/configmaps/default/guestbook-config")
            #expect(config[path: ["data", "GREETING"]] == "hello")
        }
    }

    @Test func anInsecureKeyFileIsRefusedWithTheFix() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("capstan.yaml")
        try "stateDir: .\nencryption: {keyFile: keys.yaml}\napps:\n  - {name: web, repo: file:///r}\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let keyFile = folder.appendingPathComponent("keys.yaml").path
        let generated = try await CapstanBinary.run(["keys", "status", "--config", config.path])
        #expect(generated.status != 0, "no key file yet: status does not create one")
        FileManager.default.createFile(
            atPath: keyFile, contents: Data("keys: []\n".utf8), attributes: [.posixPermissions: 0o644])
        let refused = try await CapstanBinary.run(["keys", "status", "--config", config.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("chmod 600"), "\(refused.stderr)")
    }
}
