import Foundation

/// The result of the last sync attempt, as shown on the app.
public struct SyncOutcome: Sendable, Hashable, Codable {
    public enum Result: String, Sendable, Hashable, Codable {
        case succeeded = "Succeeded"
        case failed = "Failed"
    }

    public var revision: String
    public var result: Result
    public var message: String
    public var trigger: SyncTrigger
    public var startedAt: Date
    public var finishedAt: Date

    public init(
        revision: String, result: Result, message: String, trigger: SyncTrigger, startedAt: Date, finishedAt: Date
    ) {
        self.revision = revision
        self.result = result
        self.message = message
        self.trigger = trigger
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}

/// What started a sync.
public enum SyncTrigger: String, Sendable, Hashable, Codable, CaseIterable {
    /// The poll found a new commit (or the first sync after start).
    case poll
    /// A push webhook.
    case webhook
    /// A user asked (`capstan sync`).
    case manual
    /// Self-heal corrected drift of the live state from git.
    case selfHeal = "self-heal"
    case rollback
    case autoRollback = "auto-rollback"
}
