import CapstanModel
import GRDB

/// The encryptions one write transaction does, by key name: counted in memory while it runs, then added to
/// `key_usage` with one UPSERT per key before it commits, so the counts move with the records they sealed.
struct EncryptionTally {
    private(set) var counts: [String: Int] = [:]

    /// Seals `plaintext` for `identity` with the cipher's primary key and counts it under the key that sealed.
    mutating func seal(_ plaintext: [UInt8], identity: String, with cipher: any RecordCipher) throws -> [UInt8] {
        let sealed = try cipher.seal(plaintext, identity: identity)
        counts[cipher.keyName(of: sealed) ?? "(unnamed)", default: 0] += 1
        return Array(sealed.utf8)
    }

    /// Adds the counts to `key_usage`; call inside the transaction that wrote the sealed records.
    func save(_ db: Database) throws {
        guard !counts.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO key_usage (key, encryptions) VALUES (?, ?)
                ON CONFLICT(key) DO UPDATE SET encryptions = encryptions + excluded.encryptions
                """)
        for (key, count) in counts {
            try statement.execute(arguments: [key, count])
        }
    }
}
