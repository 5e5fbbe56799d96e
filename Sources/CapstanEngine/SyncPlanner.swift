import CapstanModel

/// Decides, resource by resource, what a sync must do (gitops-engine's `sync.Reconcile`).
public enum SyncPlanner {
    /// Plans a sync of `desired` onto `live`, given what Capstan last applied (`inventory`).
    ///
    /// Looks at every key that is desired or in the inventory; live objects that are neither
    /// are never touched. When two desired resources share a key, the later one wins. `verified` (from the
    /// previous plan's `verified`) lets unchanged objects skip the field-by-field comparison.
    ///
    /// A desired resource for which `unsupported` gives a reason (the backend does not run its kind) is not
    /// planned: it goes to the plan's `unsupported` list. If Capstan applied it before, that copy is planned
    /// like a resource removed from git (deleted, or kept while prune is off).
    public static func plan(
        desired: [DesiredResource],
        live: [ResourceKey: Resource],
        inventory: [ResourceKey: InventoryEntry],
        options: SyncOptions,
        verified: VerifiedMatches = VerifiedMatches(),
        unsupported: (ResourceKey) -> String? = { _ in nil }
    ) -> SyncPlan {
        // Order first, so steps are built in place and never moved. Duplicate keys end up
        // adjacent in input order; only the last of them is planned.
        let order = KindOrder.sortForApply(Array(desired.indices), by: { desired[$0].key })
        var changes: [PlannedChange] = []
        changes.reserveCapacity(order.count)
        var managedAndDesired = 0
        var trusted = 0
        var matches: [ResourceKey: VerifiedMatches.Match] = [:]
        matches.reserveCapacity(order.count)
        var left: [UnsupportedResource] = []
        for (position, index) in order.enumerated() {
            let resource = desired[index]
            if position + 1 < order.count, desired[order[position + 1]].key == resource.key { continue }
            if let reason = unsupported(resource.key) {
                left.append(UnsupportedResource(key: resource.key, location: resource.location, reason: reason))
                continue
            }
            let applied = inventory[resource.key]
            if applied != nil { managedAndDesired += 1 }
            let liveObject = live[resource.key]
            if let liveObject, applied?.appliedHash == resource.hash,
                verified.stillMatches(resource.key, hash: resource.hash, live: liveObject)
            {
                trusted += 1
                matches[resource.key] = verified.matches[resource.key]
                changes.append(PlannedChange(key: resource.key, action: .unchanged, desired: resource))
                continue
            }
            let step = change(for: resource, live: liveObject, applied: applied)
            if step.action == .unchanged, let liveObject, !liveObject.resourceVersion.isEmpty {
                matches[resource.key] = VerifiedMatches.Match(
                    hash: resource.hash,
                    resourceVersion: liveObject.resourceVersion)
            }
            changes.append(step)
        }
        if managedAndDesired < inventory.count {
            let wanted = Set(changes.map(\.key))
            let removed = inventory.keys.lazy.filter { !wanted.contains($0) }.compactMap {
                removal(of: $0, isLive: live[$0] != nil, options: options)
            }
            changes.append(contentsOf: KindOrder.sortForDelete(Array(removed), by: \.key))
        }
        return SyncPlan(
            changes: changes, verified: VerifiedMatches(matches: matches), trustedMatches: trusted, unsupported: left)
    }

    /// The step for a resource that is in git.
    static func change(for desired: DesiredResource, live: Resource?, applied: InventoryEntry?) -> PlannedChange {
        let key = desired.key
        guard let live else {
            return PlannedChange(key: key, action: .create, desired: desired, reason: .newResource)
        }
        let differences = ResourceDiffer.differences(desired: desired.resource, live: live)
        let reason: ChangeReason
        if applied == nil {
            reason = .adopted
        } else if applied?.appliedHash != desired.hash {
            reason = .manifestChanged
        } else if !differences.isEmpty {
            reason = .drift
        } else {
            return PlannedChange(key: key, action: .unchanged, desired: desired)
        }
        return PlannedChange(key: key, action: .update, desired: desired, reason: reason, differences: differences)
    }

    /// The step for a resource Capstan applied before that is no longer in git; nil when it is already gone.
    static func removal(of key: ResourceKey, isLive: Bool, options: SyncOptions) -> PlannedChange? {
        guard isLive else { return nil }
        return PlannedChange(key: key, action: options.prune ? .delete : .pruneSkipped, reason: .removedFromGit)
    }
}
