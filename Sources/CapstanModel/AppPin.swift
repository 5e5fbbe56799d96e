import Foundation

/// An app held at one revision instead of following its branch: `capstan rollback --pin` (until `capstan
/// unpin`) or an automatic rollback (until the branch moves past the bad revision).
public struct AppPin: Sendable, Hashable, Codable {
    public var revision: String
    public var reason: AppPinReason
    /// For an automatic rollback: the revision that went Degraded and must not be re-applied.
    public var badRevision: String?
    public var since: Date

    public init(revision: String, reason: AppPinReason, badRevision: String? = nil, since: Date = Date()) {
        self.revision = revision
        self.reason = reason
        self.badRevision = badRevision
        self.since = since
    }
}

/// Why an app is pinned.
public enum AppPinReason: String, Sendable, Hashable, Codable {
    /// `capstan rollback --pin`; lifted by `capstan unpin`.
    case manual = "Pinned"
    /// `autoRollback`; lifted when a commit newer than the bad revision arrives (or by `capstan unpin`).
    case autoRollback = "AutoRollback"
}
