import CapstanCluster
import CapstanEngine
import CapstanModel

/// Resources the backend does not run (`ClusterBackend.kindSupport`): never applied, never blocking the rest,
/// listed in the status as `Unsupported`, summed up in an `UnsupportedResources` condition and named in the
/// history entry of each sync.
extension AppReconciler {
    /// The warning condition listing the resources that are not applied.
    static let unsupportedCondition = "UnsupportedResources"
    /// Resources named in the condition's one line; the rest are counted.
    static let unsupportedNamesShown = 10

    /// Plans a sync on this app's backend: desired resources of unsupported kinds go to `plan.unsupported`.
    func plan(
        _ desired: [DesiredResource], live: [ResourceKey: Resource], inventory: [ResourceKey: InventoryEntry],
        verified: VerifiedMatches = VerifiedMatches()
    ) -> SyncPlan {
        let backend = self.backend
        return SyncPlanner.plan(
            desired: desired, live: live, inventory: inventory, options: SyncOptions(prune: app.prune),
            verified: verified, unsupported: { backend.unsupportedReason($0) })
    }

    /// Sets the `UnsupportedResources` condition from the plan (removes it when everything is supported), and
    /// logs a warning when the set of unsupported resources changes.
    func noteUnsupported(_ plan: SyncPlan) {
        guard !plan.unsupported.isEmpty else {
            status.conditions.removeAll { $0.type == Self.unsupportedCondition }
            return
        }
        let keys = plan.unsupported.map(\.key)
        var message = "\(keys.count) resource\(keys.count == 1 ? "" : "s") not applied, "
        message += "kind not supported on backend \(backend.name): "
        message += keys.prefix(Self.unsupportedNamesShown).map(\.description).joined(separator: ", ")
        if keys.count > Self.unsupportedNamesShown { message += " and \(keys.count - Self.unsupportedNamesShown) more" }
        let previous = status.conditions.first { $0.type == Self.unsupportedCondition }?.message
        if previous != message {
            logger.warning(
                "resources not applied: kind not supported on this backend",
                metadata: [
                    "backend.name": .string(backend.name),
                    "resources": .string(plan.unsupported.map(\.description).joined(separator: "; ")),
                ])
        }
        setCondition(Self.unsupportedCondition, message)
    }

    /// The status rows of unsupported resources. A copy applied before (by an older Capstan) is planned for
    /// removal, so its row from the plan is folded into this one.
    func unsupportedStatuses(_ plan: SyncPlan) -> [ResourceStatus] {
        plan.unsupported.map { resource in
            var message = resource.reason
            switch plan.change(for: resource.key)?.action {
            case .delete?: message += "; the copy applied before is being deleted"
            case .pruneSkipped?: message += "; the copy applied before is still there (prune is off)"
            default: break
            }
            return ResourceStatus(key: resource.key, status: .unsupported, health: nil, message: message)
        }
    }

    /// A sync's message: what it did, then one line per resource it did not apply.
    static func syncMessage(_ changeSet: ChangeSet, unsupported: [UnsupportedResource]) -> String {
        guard !unsupported.isEmpty else { return changeSet.summary }
        return
            (["\(changeSet.summary); \(unsupported.count) unsupported"]
            + unsupported.map { "unsupported \($0)" }).joined(separator: "\n")
    }
}
