import CapstanModel
import Foundation
import GRDB

extension StateStore {
    /// Re-encrypts, with the cipher's primary key, every Secret or ConfigMap record that another key encrypted
    /// (or that is still plain JSON): `needsRewrap(body)` picks them. Works in transactions of `batchSize`
    /// records, so an interruption loses nothing and running it again finishes the rest. Returns how many records
    /// it rewrapped, by the key they had (`(plain)` for unencrypted ones). `afterBatch` runs between transactions.
    public func rewrapRecords(
        batchSize: Int = 100, needsRewrap: (String) -> Bool, keyName: (String) -> String?,
        afterBatch: () -> Void = {}
    ) throws(StoreError) -> [String: Int] {
        guard let cipher else {
            throw StoreError("rewrap the encrypted records", path: path, message: "the store has no key ring")
        }
        var done: [String: Int] = [:]
        var after = ""
        while true {
            let last = try writeSync("rewrap encrypted records after \(after.isEmpty ? "the start" : after)") {
                db -> String? in
                var tally = EncryptionTally()
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT cluster, resource, body FROM cluster_object WHERE cluster || '/' || resource > ?
                        ORDER BY cluster || '/' || resource LIMIT ?
                        """, arguments: [after, batchSize])
                for row in rows {
                    let cluster: String = row[0]
                    let id: String = row[1]
                    let body: Data = row[2]
                    guard let key = ResourceKey(id: id), Self.holdsConfigurationData(key) else { continue }
                    let identity = Self.identity(cluster: cluster, id: id)
                    let plaintext: [UInt8]
                    let oldKey: String
                    if body.first == UInt8(ascii: "{") {
                        plaintext = [UInt8](body)
                        oldKey = "(plain)"
                    } else {
                        let text = String(decoding: body, as: UTF8.self)
                        guard needsRewrap(text) else { continue }
                        plaintext = try cipher.open(text, identity: identity)
                        oldKey = keyName(text) ?? "(unreadable)"
                    }
                    let sealed = try tally.seal(plaintext, identity: identity, with: cipher)
                    try db.execute(
                        sql: "UPDATE cluster_object SET body = ? WHERE cluster = ? AND resource = ?",
                        arguments: [Data(sealed), cluster, id])
                    done[oldKey, default: 0] += 1
                }
                try tally.save(db)
                guard let lastRow = rows.last else { return nil }
                let lastCluster: String = lastRow[0]
                let lastID: String = lastRow[1]
                return lastCluster + "/" + lastID
            }
            guard let last else { return done }
            after = last
            afterBatch()
        }
    }
}
