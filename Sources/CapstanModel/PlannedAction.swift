/// What a sync will do to one resource.
public enum PlannedAction: String, Sendable, Hashable, Codable, CaseIterable {
    case create
    case update
    case delete
    case unchanged
    /// Would be deleted, but pruning is off: the resource stays and the app is OutOfSync.
    case pruneSkipped
}
