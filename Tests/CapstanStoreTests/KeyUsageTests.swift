import CapstanModel
import CapstanSecrets
import Foundation
import GRDB
import Testing

@testable import CapstanStore

/// Every encryption the store does is counted under the key that sealed, in the transaction that wrote the record:
/// the counts survive a reopen, rewrap counts under the new primary, and a write that fails counts nothing.
@Suite struct KeyUsageTests {
    @Test func encryptionsAreCountedPerKeyAndPersisted() async throws {
        let folder = EncryptedObjectsTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("capstan.sqlite").path
        var file = try KeyRingFile.random(keyName: "k1")
        let store = try StateStore(path: path, cipher: KeyRing(file))
        #expect(try await store.encryptionCounts() == [:])
        // Three of the four objects are Secrets or ConfigMaps; the Deployment is not encrypted.
        try store.writeObjects(cluster: "simulated", upserts: EncryptedObjectsTests.objects(), deletions: [])
        #expect(try await store.encryptionCounts() == ["k1": 3])
        try store.writeObjects(
            cluster: "simulated", upserts: Array(EncryptedObjectsTests.objects().prefix(1)), deletions: [])
        #expect(try await StateStore(path: path).encryptionCounts() == ["k1": 4], "persisted, read without a ring")

        try file.addKey(named: "k2")
        let rotated = try StateStore(path: path, cipher: KeyRing(file))
        let ring = KeyRing(file)
        let moved = try rotated.rewrapRecords(
            batchSize: 2, needsRewrap: ring.needsRewrap, keyName: Envelope.keyName(of:))
        #expect(moved == ["k1": 3])
        #expect(try await rotated.encryptionCounts() == ["k1": 4, "k2": 3])

        try await rotated.forgetEncryptionCount(of: "k1")
        #expect(try await rotated.encryptionCounts() == ["k2": 3])
    }

    /// A Deployment insert that SQLite aborts (a trigger) after three Secrets/ConfigMaps were sealed in the same
    /// transaction: neither the records nor their counts are stored.
    @Test func aWriteThatFailsCountsNothing() async throws {
        let store = try StateStore(cipher: KeyRing(try KeyRingFile.random()))
        try store.writeObjects(
            cluster: "simulated", upserts: Array(EncryptedObjectsTests.objects().prefix(1)), deletions: [])
        try await store.database.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_web BEFORE INSERT ON cluster_object WHEN NEW.resource LIKE '%/Deployment/%'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
        }
        #expect(throws: StoreError.self) {
            try store.writeObjects(cluster: "simulated", upserts: EncryptedObjectsTests.objects(), deletions: [])
        }
        #expect(try await store.encryptionCounts() == ["k1": 1])
        #expect(try store.objectKeys(cluster: "simulated").map(\.name) == ["db"])
    }
}
