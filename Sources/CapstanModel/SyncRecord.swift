import Foundation

/// One entry of an app's sync history: which commit, who wrote it, why the sync ran and what it changed.
public struct SyncRecord: Sendable, Hashable, Codable {
    /// Assigned by the store, increasing per app.
    public var id: Int64
    public var app: String
    /// The commit synced; nil when the source could not be read at all.
    public var revision: Revision?
    public var trigger: SyncTrigger
    public var result: SyncOutcome.Result
    /// A one-line summary, or the error (with `file:line` for manifest errors).
    public var message: String
    public var changeSet: ChangeSet
    /// App health when the sync finished.
    public var health: HealthStatus?
    public var startedAt: Date
    public var finishedAt: Date
    /// How the rollout that this sync started ended (nil while it runs, and for failed syncs).
    public var rollout: RolloutState?
    /// When the rollout became Healthy or Degraded.
    public var rolloutFinishedAt: Date?

    public init(
        id: Int64 = 0, app: String, revision: Revision?, trigger: SyncTrigger, result: SyncOutcome.Result,
        message: String, changeSet: ChangeSet, health: HealthStatus?, startedAt: Date, finishedAt: Date
    ) {
        self.id = id
        self.app = app
        self.revision = revision
        self.trigger = trigger
        self.result = result
        self.message = message
        self.changeSet = changeSet
        self.health = health
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.rollout = nil
        self.rolloutFinishedAt = nil
    }

    /// Seconds from the start of the sync to the end of its rollout.
    public var rolloutSeconds: Double? {
        rolloutFinishedAt.map { $0.timeIntervalSince(startedAt) }
    }
}
