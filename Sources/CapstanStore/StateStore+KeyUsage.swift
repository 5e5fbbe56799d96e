import Foundation
import GRDB

extension StateStore {
    /// How many encryptions each key has done in this store, by key name: every record the store sealed, counted
    /// in the transaction that wrote it (`capstan keys status`, and the warning at 2^32).
    public func encryptionCounts() async throws(StoreError) -> [String: UInt64] {
        try await read("read the encryption counts per key") { db in
            var counts: [String: UInt64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, encryptions FROM key_usage") {
                let key: String = row[0]
                let count: Int64 = row[1]
                counts[key] = UInt64(clamping: count)
            }
            return counts
        }
    }

    /// Forgets the count of a key removed from the ring, so a new key of the same name starts from zero.
    public func forgetEncryptionCount(of key: String) async throws(StoreError) {
        try await write("forget the encryption count of key \(key)") { db in
            try db.execute(sql: "DELETE FROM key_usage WHERE key = ?", arguments: [key])
        }
    }
}
