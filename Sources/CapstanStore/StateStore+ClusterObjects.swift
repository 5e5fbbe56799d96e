import CapstanModel
import Foundation
import GRDB

/// A cluster backend's objects (the simulated cluster's etcd), stored as canonical JSON by key.
extension StateStore {
    /// Every stored object of one cluster, for loading at start. A corrupt record stops the load, naming the
    /// object and the command that deletes it; records under keys the ring lacks stop it with a count per key.
    public func loadObjects(cluster: String) throws(StoreError) -> [Resource] {
        try readSync("load the objects of cluster \(cluster)") { db in
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT resource, body FROM cluster_object WHERE cluster = ?", arguments: [cluster])
            var objects: [Resource] = []
            var unknownKeys: [String: Int] = [:]
            while let row = try cursor.next() {
                let id: String = row[0]
                let body: Data = row[1]
                let (object, condition) = readRecord([UInt8](body), id: id, cluster: cluster)
                if let object {
                    objects.append(object)
                    continue
                }
                let key = ResourceKey(id: id)
                let name = key.map { "\($0)" } ?? id
                switch condition {
                case .unknownKey(let keyName):
                    unknownKeys[keyName, default: 0] += 1
                case .noKeyRing:
                    throw StoreError(
                        "load object \(name) of cluster \(cluster)", path: nil,
                        message: "\(name) is encrypted but no key ring was given to the store")
                case .corrupt(let reason):
                    let command = key.map { "`\(Self.deleteCorruptCommand(cluster: cluster, key: $0))`" }
                    throw StoreError(
                        "load object \(name) of cluster \(cluster)", path: nil,
                        message: "\(name) is corrupt: \(reason). To delete only this record, stop the service and "
                            + "run \(command ?? "`capstan admin delete-corrupt`"); the next sync recreates it from git")
                case .missing, .readable, .wrongKey:
                    continue
                }
            }
            if !unknownKeys.isEmpty {
                let counts = unknownKeys.sorted { $0.key < $1.key }.map {
                    "\($0.value) record(s) use key \"\($0.key)\""
                }
                throw StoreError(
                    "load the objects of cluster \(cluster)", path: nil,
                    message: counts.joined(separator: ", ")
                        + ", which is not in the key ring: restore the key file that holds it (keys are never "
                        + "derived from anything else)")
            }
            return objects
        }
    }

    /// What an encrypted cluster object is bound to: a ciphertext copied to another record fails.
    static func identity(cluster: String, id: String) -> String { "cluster_object/\(cluster)/\(id)" }

    /// Secrets and ConfigMaps are encrypted at rest.
    static func holdsConfigurationData(_ key: ResourceKey) -> Bool {
        key.group.isEmpty && (key.kind == "Secret" || key.kind == "ConfigMap")
    }

    /// Upserts and deletes objects of one cluster in one transaction, sealing Secrets and ConfigMaps and counting
    /// those encryptions per key in the same transaction.
    public func writeObjects(
        cluster: String, upserts: [Resource], deletions: [ResourceKey],
        meta: [String: String] = [:]
    ) throws(StoreError) {
        try writeSync("write \(upserts.count + deletions.count) objects of cluster \(cluster)") { db in
            var tally = EncryptionTally()
            if !upserts.isEmpty {
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO cluster_object (cluster, resource, body) VALUES (?, ?, ?)
                        ON CONFLICT(cluster, resource) DO UPDATE SET body = excluded.body
                        """)
                for object in upserts {
                    let key = object.key
                    var body = object.value.jsonBytes()
                    if let cipher, Self.holdsConfigurationData(key) {
                        body = try tally.seal(body, identity: Self.identity(cluster: cluster, id: key.id), with: cipher)
                    }
                    try body.withUnsafeBytes { bytes in
                        try statement.execute(arguments: [cluster, key.id, Data(bytes)])
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
            try tally.save(db)
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
