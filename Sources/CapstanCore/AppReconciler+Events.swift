import CapstanEngine
import CapstanModel
import Foundation

/// Notification events: what the reconciler tells people about (never Secret values: messages are built from
/// names, revisions, counts and health, not from object data).
extension AppReconciler {
    func emit(
        _ reason: AppEventReason, revision: String?, _ message: String, metadata: [String: String] = [:]
    ) async {
        var metadata = metadata
        metadata["repo"] = Self.withoutUserInfo(app.source.repo)
        metadata["path"] = app.source.path
        await events.publish(
            AppEvent(app: app.name, revision: revision, reason: reason, message: message, metadata: metadata))
    }

    /// The repository URL without `user:password@` (a URL may carry a token).
    static func withoutUserInfo(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else {
            return url
        }
        let slash = url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex
        return at < slash ? String(url[..<scheme.upperBound]) + url[url.index(after: at)...] : url
    }

    /// HealthDegraded when the app's health turns Degraded, HealthRecovered when it turns Healthy again.
    func emitHealthTransition(from old: HealthStatus?, to new: HealthStatus) async {
        guard let old, old != new else { return }
        let revision = status.sync.revision
        if new == .degraded {
            let why = status.health.message.isEmpty ? "" : ": \(status.health.message)"
            await emit(
                .healthDegraded, revision: revision, "\(app.name) is Degraded\(why)", metadata: ["from": old.rawValue])
        } else if new == .healthy && old == .degraded {
            await emit(
                .healthRecovered, revision: revision, "\(app.name) is Healthy again", metadata: ["from": old.rawValue])
        }
    }

    /// The event for a sync that applied a revision; it names the resources the backend does not run, if any.
    func emitSynced(_ record: SyncRecord, unsupported: [UnsupportedResource] = []) async {
        guard let revision = record.revision else { return }
        let reason: AppEventReason = record.trigger == .selfHeal ? .driftCorrected : .syncSucceeded
        let verb = record.trigger == .selfHeal ? "corrected drift at" : "synced"
        var changes = record.changeSet.summary
        var metadata = [
            "trigger": record.trigger.rawValue, "author": revision.author, "subject": revision.subject,
            "changes": changes,
        ]
        if !unsupported.isEmpty {
            changes += "; \(unsupported.count) not applied, not supported on backend \(backend.name)"
            metadata["unsupported"] = unsupported.map(\.key.description).joined(separator: ", ")
        }
        await emit(
            reason, revision: revision.id,
            "\(app.name) \(verb) \(revision.shortID) (\(record.trigger.rawValue)): \(changes)", metadata: metadata)
    }
}
