import CapstanModel

/// Why an app should be reconciled now. Requests that arrive while one runs are merged into one.
public struct SyncRequest: Sendable {
    /// What asked for it; the most deliberate wins when merged (manual over webhook over poll).
    public var trigger: SyncTrigger
    /// Ask git for new commits first (a poll, webhook or manual sync); false for a cluster change,
    /// which only re-reads the live state.
    public var fetch: Bool
    /// Sync even when nothing changed in git (a manual sync re-applies drift even without selfHeal).
    public var force: Bool

    public init(trigger: SyncTrigger, fetch: Bool = true, force: Bool = false) {
        self.trigger = trigger
        self.fetch = fetch
        self.force = force
    }

    public static let poll = SyncRequest(trigger: .poll)
    public static let clusterChange = SyncRequest(trigger: .poll, fetch: false)
    public static let manual = SyncRequest(trigger: .manual, force: true)

    /// Both requests in one.
    func merged(with other: SyncRequest) -> SyncRequest {
        SyncRequest(
            trigger: Self.rank(other.trigger) > Self.rank(trigger) ? other.trigger : trigger,
            fetch: fetch || other.fetch, force: force || other.force)
    }

    private static func rank(_ trigger: SyncTrigger) -> Int {
        switch trigger {
        case .poll, .selfHeal: return 0
        case .webhook: return 1
        case .manual, .rollback, .autoRollback: return 2
        }
    }
}
