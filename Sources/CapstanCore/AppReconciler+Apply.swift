import CapstanCluster
import CapstanEngine
import CapstanModel

/// Step 5 of the recipe: dry-run what is left to apply, then apply wave by wave (each wave in kind order) for
/// as long as the previous wave is Healthy right away, and prune after the last wave.
extension AppReconciler {
    /// The annotation naming the app that manages an object.
    static let managedByAnnotation = "capstan.io/app"
    /// The annotation naming the commit an object was last applied from (set at apply time only: it is in
    /// neither the desired state nor its hash, so it never makes an object differ from git).
    static let revisionAnnotation = "capstan.io/revision"

    /// Applies the plan's next waves. Returns what was done and the plan as it stands after it (what was applied
    /// or deleted no longer pending); `live` is updated with what was applied and deleted.
    func execute(
        _ plan: SyncPlan, revision: Revision, live: inout [ResourceKey: Resource]
    ) async -> (SyncExecution, SyncPlan) {
        var execution = SyncExecution()

        // A dry run of everything left first: if the cluster would refuse anything, nothing is applied.
        let remaining = plan.applies.compactMap { change in
            change.desired.map { (change, tracked($0.resource, revision: revision)) }
        }
        let refusals = await backend.validate(remaining.map(\.1))
        record(
            failures: refusals.map { $0.map { Result<Void, ClusterError>.failure($0) } ?? .success(()) },
            keys: remaining.map(\.0.key), in: &execution)
        guard execution.errors.isEmpty else { return (execution, plan) }

        // One wave per turn while the waves below are Healthy; a turn that applies nothing ends the loop.
        var current = plan
        var pruned = false
        var next = WavePlanner.nextApply(plan: current, health: liveHealth(live))
        while let step = next, case .apply(let changes, let prune) = step.action {
            let before = execution.applied.count
            await apply(
                changes, prune: prune ? plan.deletions.map(\.key) : [], revision: revision, into: &execution,
                live: &live)
            pruned = prune
            current = current.afterApplying(Set(execution.applied.keys), deleted: Set(execution.deleted))
            guard execution.errors.isEmpty, execution.applied.count > before, !prune else {
                return (execution, current)
            }
            next = WavePlanner.nextApply(plan: current, health: liveHealth(live))
        }
        // Every wave applied: prune what git no longer has.
        if next == nil, !pruned, !plan.deletions.isEmpty {
            await apply([], prune: plan.deletions.map(\.key), revision: revision, into: &execution, live: &live)
            current = current.afterApplying([], deleted: Set(execution.deleted))
        }
        return (execution, current)
    }

    /// The live health of a resource for wave ordering: Missing when it is not in the cluster; an object whose
    /// `resourceVersion` the last assessment saw is not assessed again (the same memo as `assess`).
    func liveHealth(_ live: [ResourceKey: Resource]) -> (ResourceKey) -> HealthStatus? {
        let memo = healthCache
        return { key in
            guard let object = live[key] else { return .missing }
            if let cached = memo[key], !object.resourceVersion.isEmpty, cached.resourceVersion == object.resourceVersion
            {
                return cached.assessment?.status
            }
            return HealthAssessor.assess(object)?.status
        }
    }

    /// Applies one wave in kind order, one batch per kind rank, stopping at the first group that fails; then
    /// deletes `prune` in reverse kind order.
    private func apply(
        _ changes: [PlannedChange], prune deletions: [ResourceKey], revision: Revision,
        into execution: inout SyncExecution, live: inout [ResourceKey: Resource]
    ) async {
        let applies = changes.compactMap { change in
            change.desired.map { (change, tracked($0.resource, revision: revision)) }
        }
        for group in groupedByKind(applies) {
            let results = await backend.apply(group.map(\.1))
            for (index, result) in results.enumerated() {
                guard case .success(let object) = result else { continue }
                execution.applied[group[index].0.key] = object
                live[group[index].0.key] = object
            }
            record(failures: results, keys: group.map(\.0.key), in: &execution)
            if !execution.errors.isEmpty { return }
        }
        guard !deletions.isEmpty else { return }
        let results = await backend.delete(deletions)
        for (index, result) in results.enumerated() {
            switch result {
            case .success:
                execution.deleted.append(deletions[index])
                live[deletions[index]] = nil
            case .failure(let error):
                execution.errors.append("delete \(deletions[index]): \(error.message)")
                execution.retryable = execution.retryable && error.isRetryable
            }
        }
    }

    /// The object as applied: the manifest plus the annotations that name the app and the commit.
    private func tracked(_ resource: Resource, revision: Revision) -> Resource {
        var resource = resource
        resource.annotations[Self.managedByAnnotation] = app.name
        resource.annotations[Self.revisionAnnotation] = revision.id
        return resource
    }

    private func groupedByKind(_ applies: [(PlannedChange, Resource)]) -> [[(PlannedChange, Resource)]] {
        var groups: [[(PlannedChange, Resource)]] = []
        var currentRank: Int?
        for item in applies {  // already in kind order: the plan is
            let rank = Self.kindRank(item.0.key)
            if rank != currentRank {
                groups.append([])
                currentRank = rank
            }
            groups[groups.count - 1].append(item)
        }
        return groups
    }

    private static func kindRank(_ key: ResourceKey) -> Int { KindOrder.rank(group: key.group, kind: key.kind) }

    private func record<T>(
        failures results: [Result<T, ClusterError>], keys: [ResourceKey],
        in execution: inout SyncExecution
    ) {
        for (index, result) in results.enumerated() {
            guard case .failure(let error) = result else { continue }
            execution.errors.append(error.key == nil ? "\(keys[index]): \(error.message)" : error.description)
            execution.retryable = execution.retryable && error.isRetryable
        }
    }
}
