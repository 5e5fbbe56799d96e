import CapstanModel
import Foundation
import GRDB

/// A cluster backend's objects (the simulated cluster's etcd), stored as canonical JSON by key.
extension StateStore {
    /// Every stored object of one cluster, for loading at start.
    public func loadObjects(cluster: String) throws(StoreError) -> [Resource] {
        try readSync("load the objects of cluster \(cluster)") { db in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT resource, body FROM cluster_object WHERE cluster = ?", arguments: [cluster])
            var objects: [Resource] = []
            while let row = try cursor.next() {
                let id: String = row[0]
                let body: Data = row[1]
                do {
                    objects.append(Resource(try JSONParser.parse([UInt8](body))))
                } catch {
                    throw StoreError(
                        "load object \(id) of cluster \(cluster)", path: nil,
                        message: "the stored object is not valid JSON (\(error))")
                }
            }
            return objects
        }
    }

    /// Writes and deletes objects of one cluster, and sets cluster metadata, in one transaction. Objects are
    /// encoded one at a time inside the transaction, so a large flush never holds every body at once.
    public func writeObjects(
        cluster: String, upserts: [Resource], deletions: [ResourceKey],
        meta: [String: String] = [:]
    ) throws(StoreError) {
        try writeSync("write \(upserts.count + deletions.count) objects of cluster \(cluster)") { db in
            if !upserts.isEmpty {
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO cluster_object (cluster, resource, body) VALUES (?, ?, ?)
                        ON CONFLICT(cluster, resource) DO UPDATE SET body = excluded.body
                        """)
                for object in upserts {
                    let body = object.value.jsonBytes()
                    try body.withUnsafeBytes { bytes in
                        try statement.execute(arguments: [cluster, object.key.id, Data(bytes)])
                    }
                }
            }
            if !deletions.isEmpty {
                let statement = try db.cachedStatement(
                    sql: "DELETE FROM cluster_object WHERE cluster = ? AND resource = ?")
                for key in deletions {
                    try statement.execute(arguments: [cluster, key.id])
                }
            }
            for (key, value) in meta {
                try Self.setMeta("\(cluster).\(key)", value, db)
            }
        }
    }

    /// Metadata of one cluster (e.g. its clock), as written by `writeObjects`.
    public func clusterMeta(cluster: String, _ key: String) throws(StoreError) -> String? {
        try readSync("read metadata of cluster \(cluster)") { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: ["\(cluster).\(key)"])
        }
    }

    static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }
}
