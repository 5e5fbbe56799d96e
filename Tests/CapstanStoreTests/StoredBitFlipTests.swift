import CapstanModel
import CapstanSecrets
import Foundation
import GRDB
import Testing

@testable import CapstanStore

/// A stored Secret record altered in the database — one byte of its prefix, key name, nonce, ciphertext or
/// tag — is reported as corrupt, naming the object and never showing its value.
@Suite struct StoredBitFlipTests {
    enum Part: String, CaseIterable {
        case prefix, keyName, nonce, ciphertext, tag
    }

    /// `record` with one bit changed in `part`; payload parts are changed in the decoded bytes.
    static func flip(_ record: String, in part: Part) -> String {
        var text = Array(record.utf8)
        let prefixLength = "capstan:enc:aesgcm:v1:".utf8.count
        switch part {
        case .prefix:
            text[7] ^= 0x01
            return String(decoding: text, as: UTF8.self)
        case .keyName:
            // "k1" → "k3": a name the ring has, so the other key is tried and authentication fails.
            text[prefixLength + 1] ^= 0x02
            return String(decoding: text, as: UTF8.self)
        case .nonce, .ciphertext, .tag:
            let payloadStart = record.lastIndex(of: ":").map { record.utf8.distance(from: record.startIndex, to: $0) }!
            var payload = [UInt8](Data(base64Encoded: String(decoding: text[(payloadStart + 1)...], as: UTF8.self))!)
            let index = part == .nonce ? 5 : part == .ciphertext ? 12 + (payload.count - 28) / 2 : payload.count - 3
            payload[index] ^= 0x80
            return String(decoding: text[...payloadStart], as: UTF8.self) + Data(payload).base64EncodedString()
        }
    }

    @Test(arguments: Part.allCases) func aFlipIsReportedAsCorruptNamingTheObject(part: Part) throws {
        var file = try KeyRingFile.random(keyName: "k3")
        _ = try file.addKey(named: "k1")
        let ring = KeyRing(file)
        let store = try StateStore(cipher: ring)
        try store.writeObjects(cluster: "simulated", upserts: EncryptedObjectsTests.objects(), deletions: [])
        let id = "/Secret/shop/db"
        let stored = try store.database.read { db in
            try Data.fetchOne(db, sql: "SELECT body FROM cluster_object WHERE resource = ?", arguments: [id])!
        }
        let record = String(decoding: stored, as: UTF8.self)
        #expect(record.hasPrefix("capstan:enc:aesgcm:v1:k1:"))
        let altered = Self.flip(record, in: part)
        #expect(altered != record && altered.utf8.count == record.utf8.count)
        try store.database.write { db in
            try db.execute(
                sql: "UPDATE cluster_object SET body = ? WHERE resource = ?",
                arguments: [Data(altered.utf8), id])
        }

        let error = #expect(throws: StoreError.self) { try store.loadObjects(cluster: "simulated") }
        let message = error?.description ?? ""
        #expect(message.contains("Secret/shop/db is corrupt"), "\(part): \(message)")
        #expect(!message.contains(EncryptedObjectsTests.canary))
        #expect(!message.contains(Data(EncryptedObjectsTests.canary.utf8).base64EncodedString()))
    }
}
