import CapstanEngine
import CapstanModel

/// `capstan diff`: the first three steps of the recipe (source → render → compare) without the rest.
extension AppReconciler {
    /// What a sync would change now: resolves the revision a reconcile would deploy (the branch head fetched
    /// from git, or with `fetch` false the last commit fetched; a pin's revision while pinned), renders it,
    /// reads the live objects and plans with the app's prune option.
    ///
    /// Read-only: applies nothing, and leaves status, history, inventory, the render cache and the verified
    /// matches as they were; emits no event. Only the local copy of the repository is brought up to date.
    public func preview(fetch: Bool = true) async throws(DiffError) -> AppDiff {
        let revision: Revision
        let liftsPin: Bool
        do {
            (revision, liftsPin) = try await targetRevision(fetch: fetch)
        } catch {
            throw DiffError(
                "app \(app.name): cannot resolve \(app.source.ref): \(error)",
                isRetryable: (error as? any ClassifiedError)?.isRetryable ?? true)
        }
        let desired = try await previewDesired(at: revision)
        let applied = inventory
        let live: [ResourceKey: Resource]
        do {
            live = try await backend.get(Array(Set(desired.map(\.key)).union(applied.keys)))
        } catch {
            throw DiffError("app \(app.name): cannot read the live objects: \(error)", isRetryable: error.isRetryable)
        }
        let plan = plan(desired, live: live, inventory: applied)
        return AppDiff(
            app: app.name, revision: revision, ref: app.source.ref, pin: liftsPin ? nil : status.pin,
            liveRevision: status.sync.revision,
            changes: plan.changes.filter { $0.action != .unchanged }.map(Self.entry))
    }

    /// The desired state at `revision`: the cached render when it is of that commit, otherwise a fresh one
    /// that is not cached (the next reconcile decides for itself which commit it deploys).
    private func previewDesired(at revision: Revision) async throws(DiffError) -> [DesiredResource] {
        let result: Result<[DesiredResource], RenderError>
        if let rendered, rendered.revision.id == revision.id {
            result = rendered.result
        } else {
            result = await renderFiles(at: revision).0
        }
        switch result {
        case .success(let desired): return desired
        case .failure(let error):
            throw DiffError(
                "app \(app.name): revision \(revision.shortID) does not render:\n\(error.message)",
                isRetryable: error.isRetryable)
        }
    }

    private static func entry(_ change: PlannedChange) -> AppDiffEntry {
        AppDiffEntry(
            key: change.key, action: change.action, reason: change.reason, location: change.desired?.location,
            differences: change.differences)
    }
}
