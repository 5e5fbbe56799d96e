import CapstanModel

/// Everything a sync would do, in the order to do it.
public struct SyncPlan: Sendable, Hashable {
    /// Creates, updates and unchanged resources in apply order, then deletes and skipped prunes
    /// in delete order (see `KindOrder`).
    public var changes: [PlannedChange]
    /// The resources found in sync, for the next plan to trust while their live version stays the same.
    public var verified: VerifiedMatches
    /// How many resources were judged unchanged from `verified` alone (same hash, same live version).
    public var trustedMatches: Int
    /// Resources in git that the backend does not run, in apply order: not part of `changes`, never applied.
    public var unsupported: [UnsupportedResource]

    public init(
        changes: [PlannedChange], verified: VerifiedMatches = VerifiedMatches(), trustedMatches: Int = 0,
        unsupported: [UnsupportedResource] = []
    ) {
        self.changes = changes
        self.verified = verified
        self.trustedMatches = trustedMatches
        self.unsupported = unsupported
    }

    /// True when every resource is unchanged and was trusted from the previous plan: nothing in git or in
    /// the cluster moved since, so anything derived from the same inputs is still current.
    public var isEntirelyTrusted: Bool { trustedMatches == changes.count }

    /// True when something must be created or updated (cheaper than `applies.isEmpty`).
    public var hasApplies: Bool { changes.contains { $0.action == .create || $0.action == .update } }

    /// True when every resource is unchanged: nothing to create, update, delete or prune.
    public var isSynced: Bool { changes.allSatisfy { $0.action == .unchanged } }

    /// `.synced` or `.outOfSync`.
    public var syncStatus: SyncStatus { isSynced ? .synced : .outOfSync }

    /// Creates and updates, in apply order.
    public var applies: [PlannedChange] {
        changes.filter { $0.action == .create || $0.action == .update }
    }

    /// Deletes, in delete order.
    public var deletions: [PlannedChange] { changes.filter { $0.action == .delete } }

    /// Resources that would be deleted if pruning were on.
    public var skippedPrunes: [PlannedChange] { changes.filter { $0.action == .pruneSkipped } }

    /// True when out of sync only because live objects drifted: git did not change anything.
    /// With self-heal off, such a plan is reported but not applied.
    public var isDriftOnly: Bool {
        !isSynced && changes.allSatisfy { $0.action == .unchanged || $0.reason == .drift }
    }

    /// The change for one resource, if the plan mentions it.
    public func change(for key: ResourceKey) -> PlannedChange? {
        changes.first { $0.key == key }
    }
}

extension SyncPlan: CustomStringConvertible {
    /// `3 create, 1 update, 12 unchanged, 1 unsupported` (actions with a zero count left out).
    public var description: String {
        let counts = changes.reduce(into: [PlannedAction: Int]()) { $0[$1.action, default: 0] += 1 }
        var parts = PlannedAction.allCases.compactMap { action in counts[action].map { "\($0) \(action.rawValue)" } }
        if !unsupported.isEmpty { parts.append("\(unsupported.count) unsupported") }
        return parts.isEmpty ? "empty plan" : parts.joined(separator: ", ")
    }
}
