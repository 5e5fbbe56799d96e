import CapstanEngine
import CapstanModel
import Foundation

/// Rollout tracking: a sync starts a rollout of its revision; later reconciles apply its remaining waves and
/// follow it until the app is Healthy or Degraded, then write the outcome and its duration to the sync's
/// history entry. With `autoRollback`, a Degraded rollout pins the app to the last Healthy revision.
extension AppReconciler {
    /// Moves the running rollout to `step`; returns the outcome when the rollout ends now.
    func advanceRollout(step: WaveStep, health: HealthAssessment, at time: Date) -> RolloutState? {
        guard var rollout = status.rollout, !rollout.isFinished else { return nil }
        rollout.waves = step.waves
        rollout.wave = step.wave
        rollout.ready = step.ready
        rollout.total = step.total
        var outcome: RolloutState?
        switch step.action {
        case .wait(degraded: true): outcome = .degraded
        case .complete:
            switch health.status {
            case .degraded: outcome = .degraded
            case .progressing, .missing: outcome = nil
            case .healthy, .suspended, .unknown: outcome = .healthy
            }
        case .wait(degraded: false), .apply: outcome = nil
        }
        if let outcome {
            let seconds = time.timeIntervalSince(rollout.startedAt)
            rollout.state = outcome
            rollout.finishedAt = time
            rollout.message =
                outcome == .healthy
                ? "Healthy after \(SecondsText.format(seconds))"
                : "Degraded after \(SecondsText.format(seconds))"
                    + (health.message.isEmpty ? "" : ": \(health.message)")
        } else {
            let waveText = step.waves.count > 1 ? "wave \(step.wave) (\(position(of: step))): " : ""
            rollout.message = "\(waveText)\(step.ready)/\(step.total) ready"
        }
        status.rollout = rollout
        return outcome
    }

    /// In a report: follows a running rollout; when it ends, writes the outcome to its history entry.
    /// Returns true when an automatic rollback was decided (the caller syncs the pinned revision).
    func followRollout(plan: SyncPlan, revision: Revision) async -> Bool {
        guard activeRollout(for: revision) != nil else { return false }
        let step = WavePlanner.step(plan: plan, health: Self.health(in: status.resources))
        let now = Date()
        guard let outcome = advanceRollout(step: step, health: status.health, at: now) else { return false }
        var record: SyncRecord?
        if let id = status.rollout?.historyID, id != 0,
            var existing = try? await store.historyRecord(app: app.name, id: id)
        {
            existing.rollout = outcome
            existing.rolloutFinishedAt = now
            existing.health = status.health.status
            record = existing
        }
        _ = await persist(history: record, inventory: .init())
        return await rolloutEnded(outcome)
    }

    /// Events and automatic rollback at the end of a rollout; true when the app was pinned for a rollback.
    func rolloutEnded(_ outcome: RolloutState) async -> Bool {
        guard let rollout = status.rollout else { return false }
        logger.info(
            "rollout finished",
            metadata: [
                "source.revision": .string(String(rollout.revision.prefix(7))), "rollout": .string(outcome.rawValue),
            ])
        if outcome == .healthy {
            await emit(
                .rolloutCompleted, revision: rollout.revision,
                "\(app.name) \(rollout.revision.prefix(7)) rolled out: \(rollout.message ?? "Healthy")",
                metadata: ["trigger": rollout.trigger.rawValue, "durationMs": Self.milliseconds(rollout)])
            return false
        }
        return await autoRollback(from: rollout)
    }

    /// Pins the app to the last revision whose rollout was Healthy, when `autoRollback` is on and this rollout
    /// was not itself a rollback (a rollback that fails too is left for people).
    private func autoRollback(from rollout: AppRollout) async -> Bool {
        guard app.autoRollback, rollout.trigger != .autoRollback, rollout.trigger != .rollback,
            status.pin?.reason != .manual
        else { return false }
        let history = (try? await store.history(app: app.name, limit: 500)) ?? []
        guard
            let good = history.first(where: { $0.rollout == .healthy && $0.revision?.id != rollout.revision })?
                .revision
        else {
            logger.warning("rollout Degraded and no earlier Healthy revision to roll back to")
            return false
        }
        status.pin = AppPin(revision: good.id, reason: .autoRollback, badRevision: rollout.revision)
        _ = await persist(history: nil, inventory: .init())
        await emit(
            .rollbackPerformed, revision: good.id,
            "\(app.name) rolled back automatically from \(rollout.revision.prefix(7)) to \(good.shortID): "
                + "\(rollout.revision.prefix(7)) became Degraded",
            metadata: ["from": rollout.revision, "to": good.id, "trigger": SyncTrigger.autoRollback.rawValue])
        return true
    }

    /// Live health as the last assessment saw it (no second assessment): Missing for resources it did not list.
    static func health(in resources: [ResourceStatus]) -> (ResourceKey) -> HealthStatus? {
        var byKey: [ResourceKey: HealthStatus?] = [:]
        byKey.reserveCapacity(resources.count)
        for resource in resources { byKey[resource.key] = resource.health }
        return { key in byKey[key] ?? .missing }
    }

    private func position(of step: WaveStep) -> String {
        "\((step.waves.firstIndex(of: step.wave) ?? 0) + 1)/\(step.waves.count)"
    }

    private static func milliseconds(_ rollout: AppRollout) -> String {
        let end = rollout.finishedAt ?? Date()
        return String(Int((end.timeIntervalSince(rollout.startedAt) * 1000).rounded()))
    }
}
