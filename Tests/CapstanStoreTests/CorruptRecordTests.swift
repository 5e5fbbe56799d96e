import CapstanModel
import CapstanSecrets
import Foundation
import GRDB
import Testing

@testable import CapstanStore

/// `deleteObjectIfCorrupt` deletes a record only when it really is corrupt, and only that record; a healthy
/// record, one under a key the ring lacks, one under a different key of the same name, and a missing one stay.
@Suite struct CorruptRecordTests {
    enum Damage: String, CaseIterable, Sendable {
        case flippedByte, notAnEnvelope, plainInvalidJSON, encryptedInvalidJSON
    }

    static let secretID = "/Secret/shop/db"

    /// A store holding the four objects of `EncryptedObjectsTests`, and its ring.
    static func store() throws -> (StateStore, KeyRing) {
        let ring = KeyRing(try KeyRingFile.random())
        let store = try StateStore(cipher: ring)
        try store.writeObjects(cluster: "simulated", upserts: EncryptedObjectsTests.objects(), deletions: [])
        return (store, ring)
    }

    static func damage(_ damage: Damage, _ store: StateStore, ring: KeyRing) throws {
        let body: [UInt8]
        switch damage {
        case .flippedByte:
            var bytes = try #require(try Self.body(store))
            bytes[40] = bytes[40] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            body = bytes
        case .notAnEnvelope:
            body = Array("garbage".utf8)
        case .plainInvalidJSON:
            body = Array(#"{"kind": "#.utf8)
        case .encryptedInvalidJSON:
            body = Array(try ring.seal(Array("not json".utf8), identity: "cluster_object/simulated/\(secretID)").utf8)
        }
        try store.database.write { db in
            try db.execute(
                sql: "UPDATE cluster_object SET body = ? WHERE resource = ?", arguments: [Data(body), secretID])
        }
    }

    static func body(_ store: StateStore) throws -> [UInt8]? {
        try store.database.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM cluster_object WHERE resource = ?", arguments: [secretID])
        }.map { [UInt8]($0) }
    }

    static let key = ResourceKey(group: "", kind: "Secret", namespace: "shop", name: "db")

    @Test(arguments: Damage.allCases)
    func aCorruptRecordStopsTheLoadAndIsDeletedAlone(_ damage: Damage) throws {
        let (store, ring) = try Self.store()
        try Self.damage(damage, store, ring: ring)
        let error = #expect(throws: StoreError.self) { try store.loadObjects(cluster: "simulated") }
        let message = error?.description ?? ""
        #expect(message.contains("Secret/shop/db is corrupt"), "\(message)")
        #expect(
            message.contains("capstan admin delete-corrupt Secret shop/db --cluster simulated --config"), "\(message)")
        #expect(!message.contains(EncryptedObjectsTests.canary))

        let condition = try store.deleteObjectIfCorrupt(cluster: "simulated", key: Self.key)
        guard case .corrupt(let reason) = condition else {
            Issue.record("expected corrupt, got \(condition)")
            return
        }
        #expect(!reason.contains(EncryptedObjectsTests.canary))
        #expect(try Self.body(store) == nil)
        let left = try store.loadObjects(cluster: "simulated")
        #expect(Set(left.map(\.value)) == Set(EncryptedObjectsTests.objects().dropFirst().map(\.value)))
    }

    @Test func healthyMissingAndUnknownKeyRecordsAreNotDeleted() throws {
        let (store, _) = try Self.store()
        #expect(try store.deleteObjectIfCorrupt(cluster: "simulated", key: Self.key) == .readable)
        let web = ResourceKey(group: "apps", kind: "Deployment", namespace: "shop", name: "web")
        #expect(try store.deleteObjectIfCorrupt(cluster: "simulated", key: web) == .readable)
        var gone = Self.key
        gone.name = "gone"
        #expect(try store.deleteObjectIfCorrupt(cluster: "simulated", key: gone) == .missing)
        #expect(try store.deleteObjectIfCorrupt(cluster: "other", key: Self.key) == .missing)
        #expect(try store.objectKeys(cluster: "simulated").count == 4)
    }

    @Test func aRingWithAnotherKeyOfTheSameNameIsAWrongKeyNotCorruption() throws {
        let folder = EncryptedObjectsTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("capstan.sqlite").path
        try StateStore(path: path, cipher: KeyRing(try KeyRingFile.random(keyName: "k1")))
            .writeObjects(cluster: "simulated", upserts: EncryptedObjectsTests.objects(), deletions: [])
        let impostor = try StateStore(path: path, cipher: KeyRing(try KeyRingFile.random(keyName: "k1")))
        #expect(try impostor.deleteObjectIfCorrupt(cluster: "simulated", key: Self.key) == .wrongKey("k1"))
        let other = try StateStore(path: path, cipher: KeyRing(try KeyRingFile.random(keyName: "k9")))
        #expect(try other.deleteObjectIfCorrupt(cluster: "simulated", key: Self.key) == .unknownKey("k1"))
        #expect(try other.objectKeys(cluster: "simulated").count == 4)
    }
}
