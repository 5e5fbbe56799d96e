import CapstanModel
import Foundation
import GRDB

/// The notification outbox: one row per (event, provider), written before `publish` returns and
/// updated by the dispatcher after each delivery attempt, so nothing is lost across restarts.
extension StateStore {
    /// Where an outbox row stands.
    public enum OutboxState: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting for its next attempt.
        case pending
        /// A receiver answered 2xx.
        case delivered
        /// Gave up: the maximum number of attempts failed, or the request can never succeed.
        case dead
    }

    /// An event to store for one provider.
    public struct OutboxItem: Sendable, Hashable {
        public var provider: String
        public var event: AppEvent
        /// Equal for identical events (same app, reason, revision, message): the de-duplication key.
        public var dedupKey: String

        public init(provider: String, event: AppEvent, dedupKey: String) {
            self.provider = provider
            self.event = event
            self.dedupKey = dedupKey
        }
    }

    /// A stored outbox row with its delivery progress.
    public struct OutboxEntry: Sendable, Hashable, Codable {
        /// The row id; increases with insertion, so it orders deliveries per provider.
        public var id: Int64
        public var provider: String
        public var event: AppEvent
        public var state: OutboxState
        /// Attempts made so far.
        public var attempts: Int
        public var createdAt: Date
        /// When the next attempt is due (meaningful while pending).
        public var nextAttemptAt: Date
        /// When the row last changed (for delivered rows: when it was delivered).
        public var updatedAt: Date
        /// The HTTP status of the last attempt, if a response came.
        public var lastStatus: Int?
        /// Why the last attempt failed (URLs redacted by the caller).
        public var lastError: String?
    }

    /// How many rows of one provider are in each state.
    public struct OutboxCounts: Sendable, Hashable, Codable {
        public var pending = 0
        public var delivered = 0
        public var dead = 0

        public init(pending: Int = 0, delivered: Int = 0, dead: Int = 0) {
            self.pending = pending
            self.delivered = delivered
            self.dead = dead
        }
    }

    /// Stores `items` as pending rows in one transaction and returns those stored. An item is skipped
    /// when its provider already has the same event id, or a row with the same `dedupKey` created
    /// within `window` before `now`.
    @discardableResult
    public func enqueueNotifications(_ items: [OutboxItem], deduplicatingWithin window: Duration, now: Date)
        async throws(StoreError) -> [OutboxItem]
    {
        guard !items.isEmpty else { return [] }
        let encoded = try items.map { item throws(StoreError) in
            do {
                return (item, try CapstanJSON.encode(item.event))
            } catch {
                throw StoreError("encode notification \(item.event.id)", path: path, error)
            }
        }
        let since = now.timeIntervalSince1970 - window.seconds
        let time = now.timeIntervalSince1970
        return try await write("store \(items.count) notification(s) in the outbox") { db in
            var stored: [OutboxItem] = []
            for (item, body) in encoded {
                let duplicate = try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM outbox WHERE provider = ? AND
                            (event_id = ? OR (dedup_key = ? AND created_at > ?)))
                        """,
                    arguments: [item.provider, item.event.id, item.dedupKey, since])
                if duplicate == true { continue }
                try db.execute(
                    sql: """
                        INSERT INTO outbox (provider, event_id, app, dedup_key, event, state, attempts,
                            created_at, next_attempt_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
                        """,
                    arguments: [item.provider, item.event.id, item.event.app, item.dedupKey, body, time, time, time])
                stored.append(item)
            }
            return stored
        }
    }

    /// The oldest pending row of `provider` (the head of its queue), or nil.
    public func nextPendingNotification(provider: String) async throws(StoreError) -> OutboxEntry? {
        try await read("read the outbox of provider \(provider)") { db in
            try Row.fetchOne(
                db, sql: "\(Self.outboxColumns) WHERE provider = ? AND state = 'pending' ORDER BY id LIMIT 1",
                arguments: [provider]
            ).map(Self.outboxEntry)
        }
    }

    /// Marks a row delivered after a 2xx answer.
    public func markNotificationDelivered(id: Int64, attempts: Int, status: Int, at now: Date) async throws(StoreError)
    {
        try await updateOutbox(
            id: id, state: .delivered, attempts: attempts, nextAttemptAt: now, status: status, error: nil, now: now)
    }

    /// Records a failed attempt and when to try again.
    public func rescheduleNotification(
        id: Int64, attempts: Int, nextAttemptAt: Date, status: Int?, error: String, at now: Date
    ) async throws(StoreError) {
        try await updateOutbox(
            id: id, state: .pending, attempts: attempts, nextAttemptAt: nextAttemptAt, status: status, error: error,
            now: now)
    }

    /// Gives up on a row, keeping the last error for people to read.
    public func markNotificationDead(id: Int64, attempts: Int, status: Int?, error: String, at now: Date)
        async throws(StoreError)
    {
        try await updateOutbox(
            id: id, state: .dead, attempts: attempts, nextAttemptAt: now, status: status, error: error, now: now)
    }

    /// Row counts per provider and state.
    public func outboxCounts() async throws(StoreError) -> [String: OutboxCounts] {
        try await read("count the outbox") { db in
            var counts: [String: OutboxCounts] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT provider, state, COUNT(*) FROM outbox GROUP BY provider, state")
            {
                let provider: String = row[0]
                let number: Int = row[2]
                switch OutboxState(rawValue: row[1]) {
                case .pending: counts[provider, default: OutboxCounts()].pending = number
                case .delivered: counts[provider, default: OutboxCounts()].delivered = number
                case .dead: counts[provider, default: OutboxCounts()].dead = number
                case nil: continue
                }
            }
            return counts
        }
    }

    /// The newest `limit` rows, optionally of one provider and in one state, newest first.
    public func outboxEntries(provider: String? = nil, state: OutboxState? = nil, limit: Int = 50)
        async throws(StoreError) -> [OutboxEntry]
    {
        try await read("list the outbox") { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let provider {
                conditions.append("provider = ?")
                arguments += [provider]
            }
            if let state {
                conditions.append("state = ?")
                arguments += [state.rawValue]
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            arguments += [limit]
            return try Row.fetchAll(
                db, sql: "\(Self.outboxColumns)\(filter) ORDER BY id DESC LIMIT ?", arguments: arguments
            ).map(Self.outboxEntry)
        }
    }

    /// Deletes delivered and dead rows last changed before `date`; returns how many went.
    @discardableResult
    public func pruneOutbox(finishedBefore date: Date) async throws(StoreError) -> Int {
        try await write("prune the outbox") { db in
            try db.execute(
                sql: "DELETE FROM outbox WHERE state IN ('delivered', 'dead') AND updated_at < ?",
                arguments: [date.timeIntervalSince1970])
            return db.changesCount
        }
    }

    private func updateOutbox(
        id: Int64, state: OutboxState, attempts: Int, nextAttemptAt: Date, status: Int?, error: String?, now: Date
    ) async throws(StoreError) {
        try await write("record a delivery attempt of outbox row \(id)") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, updated_at = ?,
                        last_status = ?, last_error = ? WHERE id = ?
                    """,
                arguments: [
                    state.rawValue, attempts, nextAttemptAt.timeIntervalSince1970, now.timeIntervalSince1970, status,
                    error, id,
                ])
        }
    }

    private static let outboxColumns = """
        SELECT id, provider, event, state, attempts, created_at, next_attempt_at, updated_at, last_status, last_error
        FROM outbox
        """

    private static func outboxEntry(_ row: Row) throws -> OutboxEntry {
        let state: String = row[3]
        return OutboxEntry(
            id: row[0], provider: row[1], event: try CapstanJSON.decode(AppEvent.self, from: row[2]),
            state: OutboxState(rawValue: state) ?? .dead, attempts: row[4],
            createdAt: Date(timeIntervalSince1970: row[5]), nextAttemptAt: Date(timeIntervalSince1970: row[6]),
            updatedAt: Date(timeIntervalSince1970: row[7]), lastStatus: row[8], lastError: row[9])
    }
}
