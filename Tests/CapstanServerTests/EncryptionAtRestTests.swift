import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

/// The service encrypts Secrets and ConfigMaps in its state: a canary value committed to git and synced is found
/// nowhere in the state directory's bytes, the generated key file is 0600, and a restart reads everything back.
@Suite(.serialized) struct EncryptionAtRestTests {
    static func occurrences(of needle: String, under folder: URL) throws -> [String] {
        var found: [String] = []
        let needle = Data(needle.utf8)
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            if let data = try? Data(contentsOf: file), data.range(of: needle) != nil { found.append(file.path) }
        }
        return found
    }

    @Test(.timeLimit(.minutes(1))) func aCanarySecretIsNowhereInTheStateDirectory() async throws {
        let canary = "canary-\(UUID().uuidString.lowercased())"
        let configCanary = "config-canary-\(UUID().uuidString.lowercased())"
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        files["apps/guestbook/secret.yaml"] =
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \(canary)\n"
        files["apps/guestbook/config.yaml"] = GuestbookManifests.configMap(greeting: configCanary)
        try git.commit(files, message: "Guestbook with a secret")
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-enc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }

        let first = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
        }
        let keyFile = state.appendingPathComponent("keys.yaml").path
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The git cache holds the repository as git stores it (compressed objects), so it is scanned too.
        for value in [canary, Data(canary.utf8).base64EncodedString(), configCanary] {
            #expect(try Self.occurrences(of: value, under: state) == [], "\(value)")
        }

        let second = try await ServerHarness.start(git: git, stateDirectory: state.path)
        try await second.stopping {
            let secret = try await second.json("GET", "/api/v1/cluster/secrets/default/db")
            #expect(secret[path: ["data", "password"]]?.stringValue?.hasPrefix("<redacted") == true)
            let config = try await second.json("GET", "/api/v1/cluster/configmaps/default/guestbook-config")
            #expect(config[path: ["data", "GREETING"]] == .string(configCanary))
            let app = try await second.json("GET", "/api/v1/apps/guestbook")
            #expect(app[path: ["sync", "status"]] == "Synced")
        }
    }
}
