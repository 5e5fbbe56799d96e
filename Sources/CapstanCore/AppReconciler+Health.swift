import CapstanEngine
import CapstanModel
import CapstanStore

/// Health and per-resource sync state, and the inventory bookkeeping that follows a sync.
extension AppReconciler {
    /// Per-resource status and the app's aggregated health; resources the backend does not run come last, as
    /// `Unsupported`, without a health.
    func assess(_ plan: SyncPlan, live: [ResourceKey: Resource], synced: Set<ResourceKey>)
        -> ([ResourceStatus], HealthAssessment)
    {
        var resources: [ResourceStatus] = []
        var assessments: [HealthAssessment?] = []
        resources.reserveCapacity(plan.changes.count)
        var cache: [ResourceKey: (resourceVersion: String, assessment: HealthAssessment?)] = [:]
        cache.reserveCapacity(plan.changes.count)
        defer { healthCache = cache }
        let unsupported = Set(plan.unsupported.lazy.map(\.key))
        for change in plan.changes where change.action != .delete || live[change.key] != nil {
            if !unsupported.isEmpty, unsupported.contains(change.key) { continue }
            let assessment: HealthAssessment?
            if let object = live[change.key] {
                let version = object.resourceVersion
                if !version.isEmpty, let cached = healthCache[change.key], cached.resourceVersion == version {
                    assessment = cached.assessment
                } else {
                    assessment = HealthAssessor.assess(object)
                }
                if !version.isEmpty { cache[change.key] = (version, assessment) }
            } else {
                assessment = HealthAssessment(.missing, "not found in the cluster")
            }
            assessments.append(assessment)
            var message: String?
            switch change.action {
            case .pruneSkipped: message = "removed from git; not pruned because prune is off"
            case .delete: message = "removed from git; waiting to be pruned"
            default: message = assessment.flatMap { $0.message.isEmpty ? nil : $0.message }
            }
            let state: SyncStatus = synced.contains(change.key) ? .synced : .outOfSync
            resources.append(
                ResourceStatus(key: change.key, status: state, health: assessment?.status, message: message))
        }
        resources.append(contentsOf: unsupportedStatuses(plan))
        return (resources, HealthAssessor.aggregate(assessments))
    }

    /// The inventory after a sync: applied objects recorded with their hash; deleted or vanished ones dropped.
    func inventoryChange(
        after execution: SyncExecution, plan: SyncPlan, live: [ResourceKey: Resource],
        revision: Revision
    ) -> InventoryChange {
        var change = InventoryChange()
        for planned in plan.changes {
            switch planned.action {
            case .create, .update:
                guard execution.applied[planned.key] != nil, let desired = planned.desired else { continue }
                change.upserts.append(
                    InventoryEntry(key: planned.key, appliedHash: desired.hash, revision: revision.id))
            case .delete:
                if execution.deleted.contains(planned.key) { change.removals.append(planned.key) }
            case .unchanged, .pruneSkipped:
                continue
            }
        }
        // Managed objects that are neither in git nor in the cluster any more need no tracking.
        let planned = Set(plan.changes.map(\.key))
        for key in inventory.keys where !planned.contains(key) && live[key] == nil { change.removals.append(key) }
        return change
    }

    func updateInventory(
        after execution: SyncExecution, plan: SyncPlan, live: [ResourceKey: Resource],
        revision: Revision
    ) async {
        let change = inventoryChange(after: execution, plan: plan, live: live, revision: revision)
        do {
            try await store.updateInventory(app: app.name, change)
            for key in change.removals { inventory[key] = nil }
            for entry in change.upserts { inventory[entry.key] = entry }
        } catch {
            logger.error("state store write failed", metadata: ["error": .string(error.description)])
        }
    }

    /// Re-reads the managed objects to keep health current while git cannot be compared.
    func refreshHealthOfManagedObjects() async {
        guard let live = try? await backend.get(Array(inventory.keys)) else { return }
        var assessments: [HealthAssessment?] = []
        status.resources = status.resources.map { resource in
            var resource = resource
            let assessment = live[resource.key].map(HealthAssessor.assess) ?? HealthAssessment(.missing)
            resource.health = assessment?.status
            assessments.append(assessment)
            return resource
        }
        status.health = HealthAssessor.aggregate(assessments)
    }
}
