import CapstanModel
import CapstanStore
import CapstanTestSupport
import Foundation
import Testing

/// A Secret's record altered on disk (one byte): the service refuses to start, naming the Secret and the command;
/// `capstan admin delete-corrupt` refuses healthy, missing, wrong-key and unknown-key records and a locked state,
/// deletes the corrupt one, and the next start recreates it from git with nothing else lost.
@Suite(.serialized) struct DeleteCorruptTests {
    static let canary = "corrupt-canary-\(UUID().uuidString.prefix(8).lowercased())"

    static func secret(_ key: ResourceKey, _ server: ServerHarness) async throws -> Resource? {
        try await server.app.cluster.get([key])[key]
    }

    static func value(_ secret: Resource?, _ field: String) -> String? {
        secret?.value[path: ["data", field]]?.stringValue.flatMap { Data(base64Encoded: $0) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(.timeLimit(.minutes(3))) func aCorruptSecretIsDeletedExplicitlyAndRecreatedFromGit() async throws {
        let git = try GitFixture()
        var files = GuestbookManifests.initial()
        files["apps/guestbook/secrets.yaml"] =
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: \(Self.canary)\n---\n"
            + "apiVersion: v1\nkind: Secret\nmetadata:\n  name: other\nstringData:\n  token: kept\n"
        try git.commit(files, message: "Guestbook and two Secrets")
        let fixture = try OfflineStateFixture(git: git)
        defer { fixture.remove() }
        let db = ResourceKey(group: "", kind: "Secret", namespace: "default", name: "db")
        let other = ResourceKey(group: "", kind: "Secret", namespace: "default", name: "other")
        var otherUID: Value?
        var dbUID: Value?
        let first = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await first.stopping(keepState: true) {
            _ = try await first.waitForApp { $0[path: ["rollout", "state"]] == "Healthy" }
            dbUID = try await Self.secret(db, first)?.value[path: ["metadata", "uid"]]
            otherUID = try await Self.secret(other, first)?.value[path: ["metadata", "uid"]]
        }
        #expect(otherUID != nil && dbUID != nil)

        let healthy = try await fixture.capstan(["admin", "delete-corrupt", "Secret", "default/db"])
        #expect(healthy.status != 0)
        #expect(healthy.stderr.contains("Secret/default/db in cluster simulated"), "\(healthy.stderr)")
        #expect(healthy.stderr.contains("is not corrupt") && healthy.stderr.contains("nothing deleted"))
        let missing = try await fixture.capstan(["admin", "delete-corrupt", "Secret", "default/nope"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no record of Secret default/nope in cluster simulated"), "\(missing.stderr)")
        // Cluster-scoped objects are named by NAME alone; Kind.group picks the API group.
        for (kind, name, shown) in [
            ("Namespace", "kube-public", "Namespace/kube-public"),
            ("StorageClass.storage.k8s.io", "standard", "StorageClass/standard"),
        ] {
            let scoped = try await fixture.capstan(["admin", "delete-corrupt", kind, name])
            #expect(scoped.status != 0)
            #expect(scoped.stderr.contains("the record of \(shown) in cluster simulated"), "\(scoped.stderr)")
            #expect(scoped.stderr.contains("is not corrupt"), "\(scoped.stderr)")
        }

        // The service is stopped: one base64 character of the Secret's record is changed in the SQLite file.
        try StateDatabase.execute(
            """
                UPDATE cluster_object SET body = CAST(substr(body, 1, 40)
                    || CASE WHEN CAST(substr(body, 41, 1) AS TEXT) = 'A' THEN 'B' ELSE 'A' END
                    || substr(body, 42) AS BLOB)
                WHERE resource = '/Secret/default/db'
            """, path: fixture.storePath)
        let refused = try await CapstanBinary.run(["serve", "--config", fixture.config], timeout: .seconds(30))
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Secret/default/db is corrupt"), "\(refused.stderr)")
        #expect(
            refused.stderr.contains("capstan admin delete-corrupt Secret default/db --cluster simulated --config"),
            "\(refused.stderr)")
        #expect(!refused.stderr.contains(Self.canary) && !refused.stdout.contains(Self.canary))

        // Not taken for corruption: a key file whose k1 is another key, and one without k1.
        let impostor = try fixture.configuration(withKeyNamed: "k1", git: git)
        let wrongKey = try await CapstanBinary.run(
            ["admin", "delete-corrupt", "Secret", "default/db", "--config", impostor])
        #expect(wrongKey.status != 0)
        #expect(wrongKey.stderr.contains("most likely not the key that encrypted them"), "\(wrongKey.stderr)")
        let lacking = try fixture.configuration(withKeyNamed: "k7", git: git)
        let unknownKey = try await CapstanBinary.run(
            ["admin", "delete-corrupt", "Secret", "default/db", "--config", lacking])
        #expect(unknownKey.status != 0)
        #expect(unknownKey.stderr.contains("encrypted with key k1, which is not in the key ring"))
        #expect(unknownKey.stderr.contains("restore the key"), "\(unknownKey.stderr)")
        do {
            let lock = try #require(try StateDirectoryLock.acquire(stateDirectory: fixture.state.path))
            defer { lock.release() }
            let locked = try await fixture.capstan(["admin", "delete-corrupt", "Secret", "default/db"])
            #expect(locked.stderr.contains("capstan serve is running on"), "\(locked.stderr)")
        }

        let deleted = try await fixture.capstan(["admin", "delete-corrupt", "secret", "default/db"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains("deleted the corrupt record of Secret/default/db"), "\(deleted.stdout)")
        #expect(!deleted.stdout.contains(Self.canary))
        let again = try await fixture.capstan(["admin", "delete-corrupt", "Secret", "default/db"])
        #expect(again.status != 0 && again.stderr.contains("no record of Secret default/db"), "\(again.stderr)")

        let after = try await ServerHarness.start(git: git, stateDirectory: fixture.state.path)
        try await after.stopping(keepState: true) {
            var recreated: Resource?
            for _ in 0..<200 where recreated == nil {
                recreated = try await Self.secret(db, after)
                if recreated == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(Self.value(recreated, "password") == Self.canary)
            #expect(recreated?.value[path: ["metadata", "uid"]] != dbUID, "recreated, not restored")
            let kept = try await Self.secret(other, after)
            #expect(Self.value(kept, "token") == "kept")
            #expect(kept?.value[path: ["metadata", "uid"]] == otherUID, "the other Secret was not recreated")
            let config = try await after.json("GET", "/api/v1/cluster/configmaps/default/guestbook-config")
            #expect(config[path: ["data", "GREETING"]] == "hello")
        }
    }
}
