import CapstanModel
import CapstanSecrets
import Foundation
import GRDB
import Testing

@testable import CapstanStore

/// Secrets and ConfigMaps of a cluster are stored encrypted (AES-256-GCM, bound to the record's identity); other
/// objects stay plain JSON. A record that fails to decrypt is reported as corrupt, naming the object.
@Suite struct EncryptedObjectsTests {
    static let canary = "canary-\(UUID().uuidString.prefix(8).lowercased())"

    static func objects() -> [Resource] {
        var secret = Resource(apiVersion: "v1", kind: "Secret", namespace: "shop", name: "db")
        secret.value["data"] = ["password": .string(Data(canary.utf8).base64EncodedString())]
        var plain = Resource(apiVersion: "v1", kind: "Secret", namespace: "shop", name: "plain")
        plain.value["stringData"] = ["token": .string(canary)]
        var config = Resource(apiVersion: "v1", kind: "ConfigMap", namespace: "shop", name: "settings")
        config.value["data"] = ["mode": .string(canary)]
        let deployment = Resource(apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web")
        return [secret, plain, config, deployment]
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("capstan-enc-\(UUID().uuidString)")
    }

    /// Every byte of every file in `folder` (the SQLite file, its WAL and shared memory).
    static func rawBytes(_ folder: URL) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            bytes += try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return bytes
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { index in
            haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle
        }
    }

    @Test func secretsAndConfigMapsAreEncryptedAtRestAndRoundTrip() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ring = KeyRing(try KeyRingFile.random())
        let path = folder.appendingPathComponent("capstan.sqlite").path
        let store = try StateStore(path: path, cipher: ring)
        try store.writeObjects(cluster: "simulated", upserts: Self.objects(), deletions: [])

        let raw = try Self.rawBytes(folder)
        #expect(!Self.contains(raw, Self.canary))
        #expect(!Self.contains(raw, Data(Self.canary.utf8).base64EncodedString()))
        #expect(Self.contains(raw, "capstan:enc:aesgcm:v1:k1:"))
        #expect(Self.contains(raw, #""name":"web""#), "other kinds stay plain JSON")
        #expect(ring.encryptions(of: "k1") == 3)

        let reopened = try StateStore(path: path, cipher: ring)
        let loaded = try reopened.loadObjects(cluster: "simulated")
        #expect(Set(loaded.map(\.value)) == Set(Self.objects().map(\.value)))
    }

    @Test func aCiphertextCopiedToAnotherRecordIsCorruptAndNamed() throws {
        let ring = KeyRing(try KeyRingFile.random())
        let store = try StateStore(cipher: ring)
        try store.writeObjects(cluster: "simulated", upserts: Self.objects(), deletions: [])
        try store.database.write { db in
            try db.execute(
                sql: """
                    UPDATE cluster_object SET body = (SELECT body FROM cluster_object WHERE resource = ?)
                    WHERE resource = ?
                    """, arguments: ["/Secret/shop/db", "/Secret/shop/plain"])
        }
        let error = #expect(throws: StoreError.self) { try store.loadObjects(cluster: "simulated") }
        let message = error?.description ?? ""
        #expect(message.contains("Secret/shop/plain is corrupt"), "\(message)")
        #expect(!message.contains(Self.canary))
    }

    @Test func recordsUnderAKeyMissingFromTheRingStopTheLoadWithACount() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("capstan.sqlite").path
        try StateStore(path: path, cipher: KeyRing(try KeyRingFile.random(keyName: "old")))
            .writeObjects(cluster: "simulated", upserts: Self.objects(), deletions: [])
        let other = try StateStore(path: path, cipher: KeyRing(try KeyRingFile.random(keyName: "new")))
        let error = #expect(throws: StoreError.self) { try other.loadObjects(cluster: "simulated") }
        #expect(
            error?.description.contains(#"3 record(s) use key "old", which is not in the key ring"#) == true,
            "\(error?.description ?? "")")
        let keyless = try StateStore(path: path)
        let refused = #expect(throws: StoreError.self) { try keyless.loadObjects(cluster: "simulated") }
        #expect(refused?.description.contains("is encrypted but no key ring was given") == true)
    }
}

/// With a key ring, a Secret or ConfigMap record in plain JSON is refused as corrupt (it could be a forged value
/// put there by someone who can write the state but lacks the key) until `rewrap` encrypts it.
@Suite struct UnencryptedRecordTests {
    @Test func aPlainSecretRecordIsCorruptUntilRewrapEncryptsIt() throws {
        let folder = EncryptedObjectsTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("capstan.sqlite").path
        // Written by a store without a key ring: as before encryption at rest, or by hand.
        try StateStore(path: path).writeObjects(
            cluster: "simulated", upserts: EncryptedObjectsTests.objects(), deletions: [])
        let ring = KeyRing(try KeyRingFile.random())
        let store = try StateStore(path: path, cipher: ring)

        let error = #expect(throws: StoreError.self) { try store.loadObjects(cluster: "simulated") }
        let message = error?.description ?? ""
        #expect(message.contains("is corrupt: it is stored unencrypted"), "\(message)")
        #expect(message.contains("capstan keys rewrap"), "\(message)")
        #expect(!message.contains(EncryptedObjectsTests.canary))

        let moved = try store.rewrapRecords(needsRewrap: { _ in true }, keyName: Envelope.keyName(of:))
        #expect(moved["(plain)"] == 3)
        let loaded = try store.loadObjects(cluster: "simulated")
        #expect(Set(loaded.map(\.value)) == Set(EncryptedObjectsTests.objects().map(\.value)))
    }
}
