import CapstanModel

extension SyncPlan {
    /// The plan once `applied` objects were applied and `deleted` ones deleted: those changes become unchanged
    /// or disappear, so the next wave step sees what is left.
    public func afterApplying(_ applied: Set<ResourceKey>, deleted: Set<ResourceKey>) -> SyncPlan {
        var plan = self
        plan.changes = changes.compactMap { change in
            if deleted.contains(change.key) { return nil }
            guard applied.contains(change.key), change.action == .create || change.action == .update else {
                return change
            }
            return PlannedChange(key: change.key, action: .unchanged, desired: change.desired)
        }
        return plan
    }
}
