import CapstanModel
import Foundation
import GRDB

/// A cluster backend's object as stored: its key and JSON body.
public struct StoredObject: Sendable, Hashable {
    public var key: ResourceKey
    public var body: [UInt8]

    public init(key: ResourceKey, body: [UInt8]) {
        self.key = key
        self.body = body
    }
}

extension StateStore {
    /// Every stored object of one cluster (the simulated cluster's etcd), for loading at start.
    public func loadObjects(cluster: String) throws(StoreError) -> [StoredObject] {
        try readSync("load the objects of cluster \(cluster)") { db in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT resource, body FROM cluster_object WHERE cluster = ?", arguments: [cluster])
            var objects: [StoredObject] = []
            while let row = try cursor.next() {
                let id: String = row[0]
                guard let key = ResourceKey(id: id) else {
                    throw StoreError("load the objects of cluster \(cluster)", path: nil,
                                     message: "malformed object key \(id)")
                }
                let body: Data = row[1]
                objects.append(StoredObject(key: key, body: [UInt8](body)))
            }
            return objects
        }
    }

    /// Writes and deletes objects of one cluster, and sets cluster metadata, in one transaction.
    public func writeObjects(cluster: String, upserts: [StoredObject], deletions: [ResourceKey],
                             meta: [String: String] = [:]) throws(StoreError)
    {
        try writeSync("write \(upserts.count + deletions.count) objects of cluster \(cluster)") { db in
            if !upserts.isEmpty {
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO cluster_object (cluster, resource, body) VALUES (?, ?, ?)
                    ON CONFLICT(cluster, resource) DO UPDATE SET body = excluded.body
                    """)
                for object in upserts {
                    try statement.execute(arguments: [cluster, object.key.id, Data(object.body)])
                }
            }
            if !deletions.isEmpty {
                let statement = try db.cachedStatement(sql: "DELETE FROM cluster_object WHERE cluster = ? AND resource = ?")
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
