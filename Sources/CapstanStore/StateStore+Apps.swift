import CapstanModel
import Foundation
import GRDB

extension StateStore {
    /// The stored status of one app.
    public func appStatus(_ app: String) async throws(StoreError) -> AppStatus? {
        try await read("read the status of app \(app)") { db in
            guard let body = try Data.fetchOne(db, sql: "SELECT body FROM app_status WHERE app = ?", arguments: [app])
            else { return nil }
            return try CapstanJSON.decode(AppStatus.self, from: body)
        }
    }

    /// The stored status of every app, by name.
    public func appStatuses() async throws(StoreError) -> [AppStatus] {
        try await read("read app statuses") { db in
            try Data.fetchAll(db, sql: "SELECT body FROM app_status ORDER BY app").map {
                try CapstanJSON.decode(AppStatus.self, from: $0)
            }
        }
    }

    /// Replaces the stored status of an app.
    public func saveAppStatus(_ status: AppStatus) async throws(StoreError) {
        try await write("save the status of app \(status.name)") { db in
            try Self.upsertStatus(status, db)
        }
    }

    /// Records the end of a sync in one transaction: the history entry (if any; inserted when its id is 0,
    /// updated otherwise), the inventory changes and the app status. Returns the history entry with its id.
    @discardableResult
    public func recordSync(status: AppStatus, history: SyncRecord?, inventory: InventoryChange) async throws(StoreError)
        -> SyncRecord?
    {
        try await write("record a sync of app \(status.name)") { db in
            try Self.applyInventory(inventory, app: status.name, db)
            try Self.upsertStatus(status, db)
            guard var record = history else { return nil }
            if record.id != 0 {
                // An entry written before (a rollout's later waves and its outcome update it).
                try db.execute(
                    sql: "UPDATE sync_history SET body = ? WHERE id = ? AND app = ?",
                    arguments: [try CapstanJSON.encode(record), record.id, record.app])
                return record
            }
            try db.execute(
                sql: "INSERT INTO sync_history (app, body) VALUES (?, ?)",
                arguments: [record.app, try CapstanJSON.encode(record)])
            record.id = db.lastInsertedRowID
            try db.execute(
                sql: "UPDATE sync_history SET body = ? WHERE id = ?",
                arguments: [try CapstanJSON.encode(record), record.id])
            return record
        }
    }

    /// One history entry of an app, nil when there is none with that id.
    public func historyRecord(app: String, id: Int64) async throws(StoreError) -> SyncRecord? {
        try await read("read history entry \(id) of app \(app)") { db in
            try Data.fetchOne(
                db, sql: "SELECT body FROM sync_history WHERE app = ? AND id = ?", arguments: [app, id]
            ).map { try CapstanJSON.decode(SyncRecord.self, from: $0) }
        }
    }

    /// The newest `limit` history entries of an app, newest first.
    public func history(app: String, limit: Int = 100) async throws(StoreError) -> [SyncRecord] {
        try await read("read the history of app \(app)") { db in
            try Data.fetchAll(
                db, sql: "SELECT body FROM sync_history WHERE app = ? ORDER BY id DESC LIMIT ?",
                arguments: [app, limit]
            ).map { try CapstanJSON.decode(SyncRecord.self, from: $0) }
        }
    }

    private static func upsertStatus(_ status: AppStatus, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO app_status (app, body) VALUES (?, ?) ON CONFLICT(app) DO UPDATE SET body = excluded.body",
            arguments: [status.name, try CapstanJSON.encode(status)])
    }
}
