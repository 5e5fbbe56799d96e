import CapstanModel
import GRDB

extension StateStore {
    /// The resources an app manages, with what was last applied to each.
    public func inventory(app: String) async throws(StoreError) -> [ResourceKey: InventoryEntry] {
        try await read("read the inventory of app \(app)") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT resource, applied_hash, revision FROM inventory WHERE app = ?", arguments: [app])
            var entries: [ResourceKey: InventoryEntry] = [:]
            entries.reserveCapacity(rows.count)
            for row in rows {
                let id: String = row[0]
                guard let key = ResourceKey(id: id) else { continue }
                entries[key] = InventoryEntry(key: key, appliedHash: row[1], revision: row[2])
            }
            return entries
        }
    }

    /// Applies inventory changes on their own (`recordSync` does it together with status and history).
    public func updateInventory(app: String, _ change: InventoryChange) async throws(StoreError) {
        try await write("update the inventory of app \(app)") { db in
            try Self.applyInventory(change, app: app, db)
        }
    }

    static func applyInventory(_ change: InventoryChange, app: String, _ db: Database) throws {
        if !change.upserts.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO inventory (app, resource, applied_hash, revision) VALUES (?, ?, ?, ?)
                    ON CONFLICT(app, resource) DO UPDATE SET applied_hash = excluded.applied_hash, revision = excluded.revision
                    """)
            for entry in change.upserts {
                try statement.execute(arguments: [app, entry.key.id, entry.appliedHash, entry.revision])
            }
        }
        if !change.removals.isEmpty {
            let statement = try db.cachedStatement(sql: "DELETE FROM inventory WHERE app = ? AND resource = ?")
            for key in change.removals {
                try statement.execute(arguments: [app, key.id])
            }
        }
    }
}
