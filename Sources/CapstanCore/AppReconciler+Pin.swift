import CapstanModel
import Foundation

/// Pins and rollback targets: the reconciler owns the app's status, so pinning happens here.
extension AppReconciler {
    /// Holds the app at `revision` (manual pin) until `unpin()`; persisted at once.
    func pin(_ revision: String) async {
        status.pin = AppPin(revision: revision, reason: .manual)
        markPinned()
        _ = await persist(history: nil, inventory: .init())
    }

    /// Lets the app follow its branch again; returns false when it was not pinned.
    func unpin() async -> Bool {
        guard status.pin != nil else { return false }
        status.pin = nil
        _ = await persist(history: nil, inventory: .init())
        return true
    }

    /// The full id of the revision to roll back to: `requested` (a full id, or a prefix of a revision in the
    /// history), or by default the newest revision whose rollout was Healthy, other than the current one.
    func rollbackTarget(_ requested: String?) async throws(RollbackError) -> Revision {
        let history: [SyncRecord]
        do { history = try await store.history(app: app.name, limit: 1000) } catch {
            throw RollbackError("cannot read the history of app \(app.name): \(error)", isRetryable: true)
        }
        let current = status.sync.revision
        guard let requested else {
            guard let target = history.first(where: { $0.rollout == .healthy && $0.revision?.id != current })?.revision
            else {
                throw RollbackError(
                    "app \(app.name) has no earlier revision that was Healthy; name one with --to REVISION")
            }
            return target
        }
        let wanted = requested.lowercased()
        guard wanted.count >= 4, wanted.allSatisfy(\.isHexDigit) else {
            throw RollbackError("\"\(requested)\" is not a commit id (4 to 40 hex digits)")
        }
        if let known = history.lazy.compactMap(\.revision).first(where: { $0.id.hasPrefix(wanted) }) { return known }
        guard wanted.count == 40 else {
            throw RollbackError(
                "no synced revision of app \(app.name) starts with \(requested); give the full 40-digit commit id")
        }
        do { return try await source.resolve(ref: wanted) } catch {
            throw RollbackError(
                "revision \(requested) not found in \(app.source.repo): \(error)",
                isRetryable: (error as? any ClassifiedError)?.isRetryable ?? false)
        }
    }

    /// Announces a rollback (RollbackPerformed).
    func announceRollback(from current: String?, to target: Revision, how: String) async {
        let from = current.map { String($0.prefix(7)) } ?? "nothing"
        await emit(
            .rollbackPerformed, revision: target.id,
            "\(app.name) rolled back from \(from) to \(target.shortID) (\(how))",
            metadata: ["from": current ?? "", "to": target.id, "trigger": SyncTrigger.rollback.rawValue])
    }
}
