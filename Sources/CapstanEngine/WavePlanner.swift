import CapstanModel

/// Orders a sync by waves (a pure function of the plan and the live health): the lowest wave with something to
/// apply is applied, but only once every lower wave is Healthy; pruning comes with the last wave's apply (or at
/// once when nothing is left to apply), without waiting for health.
public enum WavePlanner {
    /// The next step of the sync. `health` gives a resource's live health: nil for kinds without health, which
    /// count as ready, like Healthy, Suspended and Unknown; Progressing and Missing are not ready yet.
    public static func step(plan: SyncPlan, health: (ResourceKey) -> HealthStatus?) -> WaveStep {
        var byWave: [Int: [PlannedChange]] = [:]
        for change in plan.changes where change.action != .delete && change.action != .pruneSkipped {
            let wave = change.desired.flatMap { SyncWave.of($0.resource) } ?? 0
            byWave[wave, default: []].append(change)
        }
        let waves = byWave.keys.sorted()
        let hasDeletions = plan.changes.contains { $0.action == .delete }
        let applyWaves = waves.filter { wave in (byWave[wave] ?? []).contains(where: isApply) }
        let lastApplyWave = applyWaves.last

        // The lowest wave with applies goes, unless a lower wave is not Healthy yet.
        for wave in waves {
            let changes = byWave[wave] ?? []
            let (ready, degraded) = readiness(changes, health)
            let applies = changes.filter(isApply)
            if !applies.isEmpty {
                return WaveStep(
                    action: .apply(applies, prune: hasDeletions && wave == lastApplyWave), waves: waves, wave: wave,
                    ready: ready, total: changes.count)
            }
            guard let lastApplyWave, wave < lastApplyWave else { break }
            if degraded || ready < changes.count {
                return WaveStep(
                    action: .wait(degraded: degraded), waves: waves, wave: wave, ready: ready, total: changes.count)
            }
        }

        // Nothing left to apply: prune, then follow health wave by wave.
        if hasDeletions {
            let first = waves.first ?? 0
            let (ready, _) = readiness(byWave[first] ?? [], health)
            return WaveStep(
                action: .apply([], prune: true), waves: waves, wave: first, ready: ready,
                total: byWave[first]?.count ?? 0)
        }
        for wave in waves {
            let changes = byWave[wave] ?? []
            let (ready, degraded) = readiness(changes, health)
            if degraded || ready < changes.count {
                return WaveStep(
                    action: .wait(degraded: degraded), waves: waves, wave: wave, ready: ready, total: changes.count)
            }
        }
        let last = waves.last ?? 0
        let total = byWave[last]?.count ?? 0
        return WaveStep(action: .complete, waves: waves, wave: last, ready: total, total: total)
    }

    private static func isApply(_ change: PlannedChange) -> Bool {
        change.action == .create || change.action == .update
    }

    private static func readiness(
        _ changes: [PlannedChange], _ health: (ResourceKey) -> HealthStatus?
    ) -> (ready: Int, degraded: Bool) {
        var ready = 0
        var degraded = false
        for change in changes {
            switch health(change.key) {
            case nil, .healthy?, .suspended?, .unknown?: ready += 1
            case .degraded?: degraded = true
            case .progressing?, .missing?: break
            }
        }
        return (ready, degraded)
    }
}
