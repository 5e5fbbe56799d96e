import CapstanModel
import Foundation
import GRDB

extension StateStore {
    /// How many stored records each key encrypted (by the key name `keyName` reads from a record), and how many
    /// Secret or ConfigMap records are still plain JSON (written before encryption, or by a store without a
    /// cipher): what `capstan keys status` shows and `capstan keys rewrap` works through.
    public func encryptedRecordCounts(
        keyName: @escaping @Sendable (String) -> String?
    ) async throws(StoreError) -> (byKey: [String: Int], unencrypted: Int) {
        try await read("count the encrypted records") { db in
            var byKey: [String: Int] = [:]
            var unencrypted = 0
            let cursor = try Row.fetchCursor(db, sql: "SELECT resource, body FROM cluster_object")
            while let row = try cursor.next() {
                let id: String = row[0]
                let body: Data = row[1]
                if body.first == UInt8(ascii: "{") {
                    if let key = ResourceKey(id: id), Self.holdsConfigurationData(key) { unencrypted += 1 }
                    continue
                }
                let name = keyName(String(decoding: body, as: UTF8.self)) ?? "(unreadable)"
                byKey[name, default: 0] += 1
            }
            return (byKey, unencrypted)
        }
    }
}
