import CapstanModel

/// `capstan rollback` and `capstan unpin`: a revert commit pushed to git (the loop deploys it), or a pin to a
/// revision for repositories Capstan cannot write to.
extension AppController {
    /// Rolls the app back to `requested` (default: the last Healthy revision before the current one) and
    /// waits for the resulting sync. With `pin`, deploys that revision and holds the app there; otherwise
    /// commits the revision's tree under the app's path on the branch and pushes it with `restorer`.
    public func rollback(
        to requested: String?, pin: Bool, restorer: (any RevisionRestorer)?
    ) async throws(RollbackError) -> AppStatus {
        let target = try await reconciler.rollbackTarget(requested)
        let current = await reconciler.status.sync.revision
        if pin {
            await reconciler.pin(target.id)
            await reconciler.announceRollback(from: current, to: target, how: "pinned")
            return await syncNow(SyncRequest(trigger: .rollback, fetch: false, force: true))
        }
        guard let restorer else {
            throw RollbackError("rollback commits need a git writer; use --pin to deploy the revision without one")
        }
        let app = reconciler.app
        let message = Self.rollbackMessage(app: app, target: target.id, current: current)
        do {
            _ = try await restorer.restore(app: app, to: target.id, message: message)
        } catch {
            throw RollbackError(
                "app \(app.name): cannot commit the rollback to \(target.shortID): \(error)",
                isRetryable: (error as? any ClassifiedError)?.isRetryable ?? false)
        }
        await reconciler.announceRollback(from: current, to: target, how: "commit pushed to \(app.source.ref)")
        return await syncNow(SyncRequest(trigger: .rollback, force: true))
    }

    /// Lifts a pin and syncs the branch head again; false when the app was not pinned.
    public func unpin() async -> Bool {
        guard await reconciler.unpin() else { return false }
        _ = await syncNow(.manual)
        return true
    }

    /// `Roll back shop to abc1234 (from def5678)` with a body naming both full revisions and the path.
    static func rollbackMessage(app: AppDefinition, target: String, current: String?) -> String {
        let from = current.map { " (from \($0.prefix(7)))" } ?? ""
        return """
            Roll back \(app.name) to \(target.prefix(7))\(from)

            Capstan restored \(app.source.path) as of \(target)\(current.map { ",\nreplacing \($0)" } ?? "").
            """
    }
}
