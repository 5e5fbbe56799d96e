import CapstanModel
import Foundation
import GRDB

extension StateStore {
    /// The keys of every stored object of one cluster, sorted (to find the record a command names).
    public func objectKeys(cluster: String) throws(StoreError) -> [ResourceKey] {
        try readSync("list the objects of cluster \(cluster)") { db in
            try String.fetchAll(db, sql: "SELECT resource FROM cluster_object WHERE cluster = ?", arguments: [cluster])
                .compactMap(ResourceKey.init(id:)).sorted()
        }
    }

    /// Deletes the record of `key` only when it is corrupt (fails authentication, is neither JSON nor an encrypted
    /// record, or is not valid JSON), checking and deleting in one transaction: `capstan admin delete-corrupt`.
    /// A record that fails while no other record under its key opens either is `.wrongKey`, not deleted.
    /// Returns what it found; the record is gone only when that is `.corrupt`.
    public func deleteObjectIfCorrupt(cluster: String, key: ResourceKey) throws(StoreError) -> ObjectRecordCondition {
        try writeSync("delete the corrupt record of \(key) in cluster \(cluster)") { db in
            guard
                let body = try Data.fetchOne(
                    db, sql: "SELECT body FROM cluster_object WHERE cluster = ? AND resource = ?",
                    arguments: [cluster, key.id])
            else { return .missing }
            let (_, condition) = readRecord([UInt8](body), id: key.id, cluster: cluster)
            guard case .corrupt = condition else { return condition }
            if let name = cipher?.keyName(of: String(decoding: body, as: UTF8.self)),
                try !anotherRecordOpens(keyName: name, besides: (cluster, key.id), db)
            {
                return .wrongKey(name)
            }
            try db.execute(
                sql: "DELETE FROM cluster_object WHERE cluster = ? AND resource = ?", arguments: [cluster, key.id])
            return condition
        }
    }

    /// True when another record encrypted with key `keyName` opens, or when there is no other: only then can a
    /// failing record be told apart from a ring whose key of that name is not the one that encrypted it.
    private func anotherRecordOpens(keyName: String, besides record: (String, String), _ db: Database) throws -> Bool {
        let cursor = try Row.fetchCursor(db, sql: "SELECT cluster, resource, body FROM cluster_object")
        var others = 0
        while let row = try cursor.next() {
            let cluster: String = row[0]
            let id: String = row[1]
            let body: Data = row[2]
            guard (cluster, id) != record, cipher?.keyName(of: String(decoding: body, as: UTF8.self)) == keyName
            else { continue }
            others += 1
            if case .readable = readRecord([UInt8](body), id: id, cluster: cluster).1 { return true }
        }
        return others == 0
    }
}
