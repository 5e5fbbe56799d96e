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
        let table = KeysStatusTable(status.stdout)
        #expect(table.rows["k1"]?["PRIMARY"] == "yes" && table.number("k1", "RECORDS") == 1, "\(lines)")
        #expect(!status.stdout.contains("not encrypted"))
        #expect(lines.last?.hasPrefix("Sealing keys (newest first): ") == true)

        let add = try await CapstanBinary.run(["keys", "add", "k2", "--config", config.path])
        #expect(add.status == 0, "\(add.stderr)")
        let mode =
            try FileManager.default.attributesOfItem(atPath: state.path + "/keys.yaml")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let after = try await CapstanBinary.run(["keys", "status", "--config", config.path])
        let rows = KeysStatusTable(after.stdout)
        #expect(rows.rows["k2"]?["PRIMARY"] == "yes" && rows.number("k2", "RECORDS") == 0, "\(after.stdout)")
        #expect(rows.rows["k1"]?["PRIMARY"] == "" && rows.number("k1", "RECORDS") == 1, "\(after.stdout)")
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

    /// Rotation with a crash: `keys rewrap` refuses while the service runs; killed (SIGKILL) midway, it loses
    /// nothing and finishes when run again; afterwards no record uses the old key and the service reads all.
    @Test(.timeLimit(.minutes(2))) func aRewrapKilledMidwayFinishesWhenRunAgain() async throws {
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        var extra = (0..<8).map {
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-\($0)\ndata:\n  value: v\($0)\n"
        }
        extra += (0..<2).map {
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s-\($0)\nstringData:\n  token: t\($0)\n"
        }
        files["apps/guestbook/extra.yaml"] = extra.joined(separator: "---\n")
        try git.commit(files, message: "Guestbook and configuration")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("state")
        let config = folder.appendingPathComponent("capstan.yaml").path
        let first = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }
        try "stateDir: state\napps:\n  - {name: guestbook, repo: \(git.url), path: apps/guestbook}\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try await CapstanBinary.run(["keys", "add", "k2", "--config", config]).status == 0)

        let running = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await running.stopping(keepState: true) {
            let refused = try await CapstanBinary.run(["keys", "rewrap", "--config", config])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("capstan serve is running on"), "\(refused.stderr)")
        }

        // Slowed to one record per transaction (1 s each, so a busy test process still sees it midway), killed
        // once it has rewrapped some but not all.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CapstanBinary.path)
        process.arguments = ["keys", "rewrap", "--config", config]
        process.environment = ProcessInfo.processInfo.environment.merging(["CAPSTAN_REWRAP_PAUSE_MS": "1000"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where process.isRunning {
            if try await Self.recordsByKey(config)["k2", default: 0] > 0 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
        #expect(process.terminationReason == .uncaughtSignal)

        let midway = try await Self.recordsByKey(config)
        #expect(midway["k1", default: 0] + midway["k2", default: 0] == 11, "\(midway)")
        #expect(midway["k1", default: 0] > 0 && midway["k2", default: 0] > 0, "killed midway: \(midway)")
        let finish = try await CapstanBinary.run(["keys", "rewrap", "--config", config])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(finish.stdout.contains("every encrypted record uses k2"))
        #expect(try await Self.recordsByKey(config) == ["k1": 0, "k2": 11])

        let after = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await after.stopping(keepState: true) {
            for index in 0..<8 {
                let object = try await after.json("GET", "/api/v1/cluster/configmaps/default/cm-\(index)")
                #expect(object[path: ["data", "value"]] == .string("v\(index)"))
            }
            let key = ResourceKey(group: "", kind: "Secret", namespace: "default", name: "s-1")
            let secret = try #require(try await after.app.cluster.get([key])[key])
            #expect(
                secret.value[path: ["data", "token"]]?.stringValue.flatMap { Data(base64Encoded: $0) }
                    == Data("t1".utf8))
        }
    }

    /// KEY → RECORDS from `capstan keys status`.
    static func recordsByKey(_ config: String) async throws -> [String: Int] {
        let status = try await CapstanBinary.run(["keys", "status", "--config", config])
        let table = KeysStatusTable(status.stdout)
        return table.rows.keys.reduce(into: [:]) { counts, key in
            counts[key] = table.number(key, "RECORDS").map { Int($0) }
        }
    }
}
