import CapstanCluster
import CapstanEngine
import CapstanModel

/// Step 5 of the recipe: dry-run everything, apply kind group by kind group, then prune.
extension AppReconciler {
    /// The annotation naming the app that manages an object.
    static let managedByAnnotation = "capstan.io/app"

    func execute(_ plan: SyncPlan, revision: Revision) async -> SyncExecution {
        var execution = SyncExecution()
        let applies = plan.applies.compactMap { change in change.desired.map { (change, tracked($0.resource)) } }

        // A dry run of the whole set first: if the cluster would refuse anything, nothing is applied.
        let refusals = await backend.validate(applies.map(\.1))
        record(
            failures: refusals.map { $0.map { Result<Void, ClusterError>.failure($0) } ?? .success(()) },
            keys: applies.map(\.0.key), in: &execution)
        guard execution.errors.isEmpty else { return execution }

        // Apply in kind order, one batch per kind rank, stopping at the first group that fails.
        for group in groupedByKind(applies) {
            let results = await backend.apply(group.map(\.1))
            for (index, result) in results.enumerated() {
                if case .success(let object) = result { execution.applied[group[index].0.key] = object }
            }
            record(failures: results, keys: group.map(\.0.key), in: &execution)
            if !execution.errors.isEmpty { return execution }
        }

        // Prune what git no longer has, in reverse kind order.
        let deletions = plan.deletions.map(\.key)
        guard !deletions.isEmpty else { return execution }
        let results = await backend.delete(deletions)
        for (index, result) in results.enumerated() {
            switch result {
            case .success: execution.deleted.append(deletions[index])
            case .failure(let error):
                execution.errors.append("delete \(deletions[index]): \(error.message)")
                execution.retryable = execution.retryable && error.isRetryable
            }
        }
        return execution
    }

    /// The object as applied: the manifest plus the annotation that names the app.
    private func tracked(_ resource: Resource) -> Resource {
        var resource = resource
        resource.annotations[Self.managedByAnnotation] = app.name
        return resource
    }

    private func groupedByKind(_ applies: [(PlannedChange, Resource)]) -> [[(PlannedChange, Resource)]] {
        var groups: [[(PlannedChange, Resource)]] = []
        var currentRank: Int?
        for item in applies {
            let rank = KindOrder.rank(group: item.0.key.group, kind: item.0.key.kind)
            if rank != currentRank {
                groups.append([])
                currentRank = rank
            }
            groups[groups.count - 1].append(item)
        }
        return groups
    }

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
