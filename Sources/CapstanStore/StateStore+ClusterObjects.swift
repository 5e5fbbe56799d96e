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
            var unknownKeys: [String: Int] = [:]
            while let row = try cursor.next() {
                let id: String = row[0]
                let body: Data = row[1]
                guard let json = try plaintext(of: [UInt8](body), id: id, cluster: cluster, unknownKeys: &unknownKeys)
                else { continue }
                do {
                    objects.append(Resource(try JSONParser.parse(json)))
                } catch {
                    throw StoreError(
                        "load object \(id) of cluster \(cluster)", path: nil,
                        message: "the stored object \(id) is not valid JSON (\(error))")
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

    /// The JSON of a stored body: as is when it is plain JSON, decrypted when it is an encrypted record; nil
    /// (and counted) when its key is not in the ring. A record that fails to decrypt is reported as corrupt,
    /// naming the object, never returned.
    private func plaintext(
        of body: [UInt8], id: String, cluster: String, unknownKeys: inout [String: Int]
    ) throws -> [UInt8]? {
        guard body.first != UInt8(ascii: "{") else { return body }
        let text = String(decoding: body, as: UTF8.self)
        let object = ResourceKey(id: id).map { "\($0)" } ?? id
        guard let cipher else {
            throw StoreError(
                "load object \(object) of cluster \(cluster)", path: nil,
                message: "\(object) is encrypted but no key ring was given to the store")
        }
        guard let name = cipher.keyName(of: text) else {
            throw StoreError(
                "load object \(object) of cluster \(cluster)", path: nil,
                message: "\(object) is corrupt: its record is neither JSON nor encrypted")
        }
        guard cipher.decryptingKeyNames.contains(name) else {
            unknownKeys[name, default: 0] += 1
            return nil
        }
        do {
            return try cipher.open(text, identity: Self.identity(cluster: cluster, id: id))
        } catch {
            throw StoreError(
                "load object \(object) of cluster \(cluster)", path: nil, message: "\(object) is corrupt: \(error)")
        }
    }

    /// What an encrypted cluster object is bound to: a ciphertext copied to another record fails.
    static func identity(cluster: String, id: String) -> String { "cluster_object/\(cluster)/\(id)" }

    /// Secrets and ConfigMaps are encrypted at rest.
    static func holdsConfigurationData(_ key: ResourceKey) -> Bool {
        key.group.isEmpty && (key.kind == "Secret" || key.kind == "ConfigMap")
    }

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
                    let key = object.key
                    var body = object.value.jsonBytes()
                    if let cipher, Self.holdsConfigurationData(key) {
                        body = Array(try cipher.seal(body, identity: Self.identity(cluster: cluster, id: key.id)).utf8)
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
