import CapstanModel

extension SyncPlan {
    /// What the sync did, given the keys whose apply or delete succeeded, in plan order.
    ///
    /// Unchanged resources are listed as `unchanged`; planned steps not in `applied` (failed,
    /// not attempted, or drift left alone) and skipped prunes are left out.
    public func changeSet(applied: Set<ResourceKey>) -> ChangeSet {
        ChangeSet(
            entries: changes.compactMap { change in
                guard let action = Self.changeAction(change.action, done: applied.contains(change.key)) else {
                    return nil
                }
                return ChangeSetEntry(subject: change.key, action: action)
            })
    }

    /// The change set when every planned apply and delete succeeds.
    public var completeChangeSet: ChangeSet {
        changeSet(applied: Set(changes.lazy.filter { $0.action != .unchanged }.map(\.key)))
    }

    private static func changeAction(_ action: PlannedAction, done: Bool) -> ChangeAction? {
        switch action {
        case .unchanged: return .unchanged
        case .create: return done ? .created : nil
        case .update: return done ? .configured : nil
        case .delete: return done ? .deleted : nil
        case .pruneSkipped: return nil
        }
    }
}
