import CapstanModel
import CapstanStore
import Foundation
import Testing

/// The notification outbox: rows are stored atomically, ordered per provider, de-duplicated, updated
/// per attempt, counted, pruned, and survive reopening the file.
@Suite struct OutboxTests {
    static func event(_ id: String, app: String = "shop") -> AppEvent {
        AppEvent(
            id: id, app: app, revision: "abc", reason: .syncSucceeded, message: "synced \(id)",
            timestamp: Date(timeIntervalSince1970: 1_700_000_000.25), metadata: ["trigger": "poll"])
    }

    static func item(_ provider: String, _ id: String, key: String? = nil) -> StateStore.OutboxItem {
        StateStore.OutboxItem(provider: provider, event: event(id), dedupKey: key ?? "key-\(id)")
    }

    @Test func rowsSurviveReopeningAndKeepTheirOrderAndProgress() async throws {
        let (path, folder) = SyncRecordingTests.temporaryStorePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date()
        do {
            let store = try StateStore(path: path)
            let stored = try await store.enqueueNotifications(
                [Self.item("ops", "e1"), Self.item("chat", "e1"), Self.item("ops", "e2")], deduplicatingWithin: .zero,
                now: now)
            #expect(stored.count == 3)
            let head = try #require(try await store.nextPendingNotification(provider: "ops"))
            #expect(head.event == Self.event("e1"))
            try await store.rescheduleNotification(
                id: head.id, attempts: 1, nextAttemptAt: now.addingTimeInterval(30), status: 500, error: "HTTP 500",
                at: now)
        }
        let reopened = try StateStore(path: path)
        let head = try #require(try await reopened.nextPendingNotification(provider: "ops"))
        #expect(head.event.id == "e1")
        #expect(head.attempts == 1)
        #expect(head.lastStatus == 500)
        #expect(head.lastError == "HTTP 500")
        #expect(abs(head.nextAttemptAt.timeIntervalSince(now) - 30) < 0.01)
        try await reopened.markNotificationDelivered(id: head.id, attempts: 2, status: 204, at: now)
        #expect(try await reopened.nextPendingNotification(provider: "ops")?.event.id == "e2")
        #expect(try await reopened.nextPendingNotification(provider: "chat")?.event.id == "e1")
        #expect(try await reopened.nextPendingNotification(provider: "nobody") == nil)
    }

    @Test func duplicatesBySameIdOrKeyWithinTheWindowAreSkipped() async throws {
        let store = try StateStore()
        let now = Date()
        let first = try await store.enqueueNotifications(
            [Self.item("ops", "e1", key: "k")], deduplicatingWithin: .seconds(60), now: now)
        let sameID = try await store.enqueueNotifications(
            [Self.item("ops", "e1", key: "other")], deduplicatingWithin: .zero, now: now)
        let sameKey = try await store.enqueueNotifications(
            [Self.item("ops", "e2", key: "k"), Self.item("chat", "e2", key: "k")], deduplicatingWithin: .seconds(60),
            now: now.addingTimeInterval(59))
        let afterWindow = try await store.enqueueNotifications(
            [Self.item("ops", "e3", key: "k")], deduplicatingWithin: .seconds(60), now: now.addingTimeInterval(61))
        #expect(first.count == 1)
        #expect(sameID.isEmpty)
        #expect(sameKey.map(\.provider) == ["chat"])
        #expect(afterWindow.map(\.event.id) == ["e3"])
    }

    @Test func countsListingAndPruning() async throws {
        let store = try StateStore()
        let now = Date()
        try await store.enqueueNotifications(
            (1...4).map { Self.item("ops", "e\($0)") } + [Self.item("chat", "c1")], deduplicatingWithin: .zero,
            now: now)
        let rows = try await store.outboxEntries(provider: "ops", limit: 10)
        #expect(rows.map(\.event.id) == ["e4", "e3", "e2", "e1"])
        try await store.markNotificationDelivered(
            id: rows[3].id, attempts: 1, status: 200, at: now.addingTimeInterval(-100))
        try await store.markNotificationDead(id: rows[2].id, attempts: 20, status: nil, error: "refused", at: now)
        let counts = try await store.outboxCounts()
        #expect(counts["ops"] == StateStore.OutboxCounts(pending: 2, delivered: 1, dead: 1))
        #expect(counts["chat"] == StateStore.OutboxCounts(pending: 1))
        #expect(try await store.outboxEntries(state: .dead).map(\.lastError) == ["refused"])
        #expect(try await store.outboxEntries(limit: 2).count == 2)
        #expect(try await store.pruneOutbox(finishedBefore: now.addingTimeInterval(-50)) == 1)
        #expect(try await store.outboxCounts()["ops"] == StateStore.OutboxCounts(pending: 2, delivered: 0, dead: 1))
    }
}
