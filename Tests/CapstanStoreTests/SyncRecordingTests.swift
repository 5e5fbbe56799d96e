import CapstanModel
import Foundation
import Testing

@testable import CapstanStore

@Suite struct SyncRecordingTests {
    static func temporaryStorePath() -> (String, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-store-\(UUID().uuidString)")
        return (folder.appendingPathComponent("capstan.sqlite").path, folder)
    }

    static func key(_ name: String) -> ResourceKey {
        ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: name)
    }

    @Test func statusHistoryAndInventorySurviveReopening() async throws {
        let (path, folder) = Self.temporaryStorePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        var status = AppStatus(name: "guestbook", source: AppSource(repo: "file:///repo", ref: "main", path: "app"))
        status.sync = AppSyncState(status: .synced, revision: "abc", attemptedRevision: "abc")
        let revision = Revision(
            id: "abc", author: "Ada", authorEmail: "ada@example.com", message: "first",
            date: Date(timeIntervalSince1970: 1_700_000_000))
        let record = SyncRecord(
            app: "guestbook", revision: revision, trigger: .poll, result: .succeeded,
            message: "1 created",
            changeSet: ChangeSet(entries: [ChangeSetEntry(subject: Self.key("web"), action: .created)]),
            health: .healthy, startedAt: Date(), finishedAt: Date())
        do {
            let store = try StateStore(path: path)
            let saved = try await store.recordSync(
                status: status, history: record,
                inventory: InventoryChange(
                    upserts: [
                        InventoryEntry(key: Self.key("web"), appliedHash: "h1", revision: "abc"),
                        InventoryEntry(key: Self.key("api"), appliedHash: "h2", revision: "abc"),
                    ]))
            #expect(saved?.id == 1)
            try await store.updateInventory(app: "guestbook", InventoryChange(removals: [Self.key("api")]))
        }
        let reopened = try StateStore(path: path)
        #expect(try await reopened.appStatus("guestbook") == status)
        let history = try await reopened.history(app: "guestbook")
        #expect(history.count == 1)
        #expect(history.first?.revision == revision)
        #expect(history.first?.id == 1)
        let inventory = try await reopened.inventory(app: "guestbook")
        #expect(
            inventory == [Self.key("web"): InventoryEntry(key: Self.key("web"), appliedHash: "h1", revision: "abc")])
        #expect(try await reopened.inventory(app: "other").isEmpty)
    }

    @Test func historyIsNewestFirstAndLimited() async throws {
        let store = try StateStore()
        let status = AppStatus(name: "a", source: AppSource(repo: "r", ref: "main", path: "."))
        for index in 1...5 {
            let record = SyncRecord(
                app: "a", revision: nil, trigger: .manual, result: .failed, message: "try \(index)",
                changeSet: ChangeSet(), health: nil, startedAt: Date(), finishedAt: Date())
            try await store.recordSync(status: status, history: record, inventory: InventoryChange())
        }
        let newest = try await store.history(app: "a", limit: 2)
        #expect(newest.map(\.message) == ["try 5", "try 4"])
        #expect(newest.map(\.id) == [5, 4])
    }

    @Test func aFailedTransactionWritesNothing() async throws {
        let (path, folder) = Self.temporaryStorePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try StateStore(path: path)
        let status = AppStatus(name: "a", source: AppSource(repo: "r", ref: "main", path: "."))
        try await store.recordSync(status: status, history: nil, inventory: InventoryChange())
        // Break the history table underneath the store so the next transaction fails midway.
        try await store.database.write { db in try db.execute(sql: "DROP TABLE sync_history") }
        var changed = status
        changed.sync.status = .synced
        let record = SyncRecord(
            app: "a", revision: nil, trigger: .poll, result: .succeeded, message: "x",
            changeSet: ChangeSet(), health: nil, startedAt: Date(), finishedAt: Date())
        await #expect(throws: StoreError.self) {
            try await store.recordSync(
                status: changed, history: record,
                inventory: InventoryChange(
                    upserts: [InventoryEntry(key: Self.key("web"), appliedHash: "h", revision: "r")]))
        }
        #expect(try await store.appStatus("a") == status)
        #expect(try await store.inventory(app: "a").isEmpty)
    }
}
