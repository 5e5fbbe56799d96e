import CapstanCluster
import CapstanEngine
import CapstanModel
import CapstanStore
import Foundation

/// Steps 6 and 7 of the recipe, on every exit path: health, status, history and inventory, written in one
/// transaction, and the outcome that tells the loop when to look again.
extension AppReconciler {
    func recordSync(
        plan: SyncPlan, execution: SyncExecution, remaining: SyncPlan, live: [ResourceKey: Resource],
        revision: Revision, trigger: SyncTrigger, continuing: Bool, startedAt: Date
    ) async -> ReconcileOutcome {
        let changeSet = execution.changeSet(plan)
        let inventoryChange = inventoryChange(after: execution, plan: plan, live: live, revision: revision)
        let synced = Set(execution.applied.keys).union(plan.changes.lazy.filter { $0.action == .unchanged }.map(\.key))
        lastReport = nil
        let (resources, health) = assess(plan, live: live, synced: synced)
        let step = WavePlanner.step(plan: remaining, health: Self.health(in: resources))
        let pruneSkipped = plan.changes.contains { $0.action == .pruneSkipped }
        let finishedAt = Date()

        status.sync = AppSyncState(
            status: pruneSkipped ? .outOfSync : .synced, revision: revision.id,
            attemptedRevision: revision.id, reason: pruneSkipped ? "RequiresPruning" : nil)
        markPinned()
        status.health = health
        status.resources = resources
        status.conditions.removeAll { $0.type != Self.unsupportedCondition }
        let message = Self.syncMessage(changeSet, unsupported: plan.unsupported)
        status.lastSync = SyncOutcome(
            revision: revision.id, result: .succeeded, message: message,
            trigger: trigger, startedAt: startedAt, finishedAt: finishedAt)
        var record = SyncRecord(
            app: app.name, revision: revision, trigger: trigger, result: .succeeded,
            message: message, changeSet: changeSet, health: health.status,
            startedAt: startedAt, finishedAt: finishedAt)
        if continuing, let id = status.rollout?.historyID, id != 0,
            let existing = try? await store.historyRecord(app: app.name, id: id)
        {
            record = existing
            record.changeSet = existing.changeSet.merging(changeSet)
            record.message = Self.syncMessage(record.changeSet, unsupported: plan.unsupported)
            record.health = health.status
        } else {
            status.rollout = AppRollout(
                revision: revision.id, trigger: trigger, historyID: 0, startedAt: startedAt, waves: step.waves,
                wave: step.wave)
        }
        let outcome = advanceRollout(step: step, health: health, at: finishedAt)
        if let outcome {
            record.rollout = outcome
            record.rolloutFinishedAt = finishedAt
        }
        lastRecordedFailure = nil
        logger.info(
            "synced",
            metadata: [
                "source.revision": .string(revision.shortID), "sync.trigger": .string(trigger.rawValue),
                "sync.changes": .string(record.changeSet.summary), "health.status": .string(health.status.rawValue),
            ])
        if let failure = await persist(history: record, inventory: inventoryChange) { return failure }
        if !continuing { await emitSynced(record, unsupported: plan.unsupported) }
        if let outcome, await rolloutEnded(outcome) {
            return await reconcile(SyncRequest(trigger: .autoRollback, fetch: false))
        }
        return status.rollout?.isFinished == false || health.status == .progressing ? .progressing : .done
    }

    /// A pinned app is OutOfSync with its branch, visibly: reason `Pinned` (or `AutoRollback`).
    func markPinned() {
        guard let pin = status.pin else { return }
        status.sync.status = .outOfSync
        status.sync.reason = pin.reason.rawValue
    }

    func recordSyncError(
        _ errors: [String], retryable: Bool = true, revision: Revision, request: SyncRequest,
        startedAt: Date, changeSet: ChangeSet
    ) async -> ReconcileOutcome {
        let message = errors.joined(separator: "\n")
        status.sync.status = .outOfSync
        status.sync.attemptedRevision = revision.id
        status.sync.reason = "SyncError"
        setCondition("SyncError", message)
        await recordFailure(
            message, revision: revision, trigger: request.trigger, startedAt: startedAt,
            changeSet: changeSet)
        return retryable ? .retry(message) : .stalled(message)
    }

    func recordRenderError(
        _ error: RenderError, revision: Revision, request: SyncRequest,
        startedAt: Date
    ) async -> ReconcileOutcome {
        status.sync.status = .unknown
        status.sync.attemptedRevision = revision.id
        status.sync.reason = "ComparisonError"
        setCondition("ComparisonError", error.message)
        lastReport = nil
        await refreshHealthOfManagedObjects()
        await recordFailure(
            error.message, revision: revision, trigger: request.trigger, startedAt: startedAt,
            changeSet: ChangeSet())
        return error.isRetryable ? .retry(error.message) : .stalled(error.message)
    }

    func recordSourceError(_ error: any Error, request: SyncRequest, startedAt: Date) async -> ReconcileOutcome {
        let message = String(describing: error)
        status.sync.status = .unknown
        status.sync.reason = "SourceError"
        setCondition("SourceError", message)
        await recordFailure(
            message, revision: nil, trigger: request.trigger, startedAt: startedAt,
            changeSet: ChangeSet())
        let retryable = (error as? any ClassifiedError)?.isRetryable ?? true
        return retryable ? .retry(message) : .stalled(message)
    }

    /// A reconcile that did not sync: report how the live state compares with git.
    func report(plan: SyncPlan, live: [ResourceKey: Resource], revision: Revision) async -> ReconcileOutcome {
        // Same commit, same object versions as the last report: resources and health cannot have changed.
        let unchangedSinceLastReport =
            plan.isEntirelyTrusted && lastReport == ReportKey(revision: revision.id, count: plan.changes.count)
        if !unchangedSinceLastReport {
            let synced = Set(plan.changes.lazy.filter { $0.action == .unchanged }.map(\.key))
            let (resources, health) = assess(plan, live: live, synced: synced)
            status.resources = resources
            status.health = health
        }
        lastReport = ReportKey(revision: revision.id, count: plan.changes.count)
        status.sync.attemptedRevision = status.sync.attemptedRevision ?? revision.id
        if plan.isSynced {
            status.sync.status = .synced
            status.sync.reason = nil
        } else {
            status.sync.status = .outOfSync
            status.sync.reason = outOfSyncReason(plan, revision: revision)
        }
        markPinned()
        status.conditions.removeAll { $0.type == "SourceError" || $0.type == "ComparisonError" }
        if await followRollout(plan: plan, revision: revision) {
            return await reconcile(SyncRequest(trigger: .autoRollback, fetch: false))
        }
        if let failure = await persist(history: nil, inventory: InventoryChange()) { return failure }
        let rolling = status.rollout.map { !$0.isFinished && $0.revision == revision.id } ?? false
        return rolling || status.health.status == .progressing ? .progressing : .done
    }

    private func outOfSyncReason(_ plan: SyncPlan, revision: Revision) -> String {
        if status.sync.revision != revision.id { return app.autoSync ? "NewRevision" : "AutoSyncDisabled" }
        if plan.changes.contains(where: { $0.action == .pruneSkipped }) { return "RequiresPruning" }
        return "Drift"
    }

    /// Writes a failed attempt to status, and to history the first time this message is seen.
    private func recordFailure(
        _ message: String, revision: Revision?, trigger: SyncTrigger, startedAt: Date,
        changeSet: ChangeSet
    ) async {
        let finishedAt = Date()
        if let revision {
            status.lastSync = SyncOutcome(
                revision: revision.id, result: .failed, message: message, trigger: trigger,
                startedAt: startedAt, finishedAt: finishedAt)
        }
        var record: SyncRecord?
        if message != lastRecordedFailure || trigger == .manual {
            record = SyncRecord(
                app: app.name, revision: revision, trigger: trigger, result: .failed, message: message,
                changeSet: changeSet, health: status.health.status, startedAt: startedAt,
                finishedAt: finishedAt)
            lastRecordedFailure = message
            if let revision {
                await emit(
                    .syncFailed, revision: revision.id, "\(app.name) failed to sync \(revision.shortID): \(message)",
                    metadata: ["trigger": trigger.rawValue])
            } else {
                await emit(.sourceError, revision: nil, "\(app.name) cannot read its source: \(message)")
            }
            logger.error(
                "sync failed",
                metadata: [
                    "source.revision": .string(revision?.shortID ?? "-"), "error": .string(message),
                ])
        }
        _ = await persist(history: record, inventory: InventoryChange())
    }

    /// Keeps a condition's first-seen time while the same problem persists.
    func setCondition(_ type: String, _ message: String) {
        let since = status.conditions.first { $0.type == type && $0.message == message }?.since ?? Date()
        status.conditions.removeAll { $0.type == type }
        status.conditions.append(AppCondition(type: type, message: message, since: since))
    }

    /// Writes status (when it changed), history and inventory in one transaction; a failure to write is
    /// itself a retryable outcome.
    func persist(history: SyncRecord?, inventory change: InventoryChange) async -> ReconcileOutcome? {
        status.reconciledAt = nil
        defer { status.reconciledAt = Date() }
        guard status != persistedStatus || history != nil || !change.isEmpty else { return nil }
        let previousHealth = persistedStatus?.health.status
        do {
            let written = try await store.recordSync(status: status, history: history, inventory: change)
            if let written, status.rollout?.historyID == 0, status.rollout?.revision == written.revision?.id {
                // The rollout this sync started points at the entry its outcome is written to.
                status.rollout?.historyID = written.id
                try await store.saveAppStatus(status)
            }
            persistedStatus = status
            await emitHealthTransition(from: previousHealth, to: status.health.status)
            for key in change.removals { inventory[key] = nil }
            for entry in change.upserts { inventory[entry.key] = entry }
            return nil
        } catch {
            logger.error("state store write failed", metadata: ["error": .string(error.description)])
            return .retry(error.description)
        }
    }
}
