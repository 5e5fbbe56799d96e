import CapstanModel

/// Orders a sync by waves (a pure function of the plan and the live health): the lowest wave with something to
/// apply is applied, but only once every lower wave is Healthy; pruning comes with the last wave's apply (or at
/// once when nothing is left to apply), without waiting for health.
public enum WavePlanner {
    /// The next step of the sync. `health` gives a resource's live health: nil for kinds without health, which
    /// count as ready, like Healthy, Suspended and Unknown; Progressing and Missing are not ready yet.
    public static func step(plan: SyncPlan, health: (ResourceKey) -> HealthStatus?) -> WaveStep {
        let waves = Waves(plan)
        if let apply = nextApply(waves, health) { return apply }

        // Nothing left to apply: prune, then follow health wave by wave.
        if waves.hasDeletions {
            return WaveStep(
                action: .apply([], prune: true), waves: waves.numbers, wave: waves.numbers.first ?? 0, ready: 0,
                total: 0)
        }
        for wave in waves.numbers {
            let changes = waves.changes[wave] ?? []
            let (ready, degraded) = readiness(changes, health)
            if degraded || ready < changes.count {
                return WaveStep(
                    action: .wait(degraded: degraded), waves: waves.numbers, wave: wave, ready: ready,
                    total: changes.count)
            }
        }
        let last = waves.numbers.last ?? 0
        let total = waves.changes[last]?.count ?? 0
        return WaveStep(action: .complete, waves: waves.numbers, wave: last, ready: total, total: total)
    }

    /// Only the next apply (or the wait before it), nil when nothing is left to apply: looks at the health of
    /// the waves below the last one with changes only, so applying needs no health of what it applies.
    public static func nextApply(plan: SyncPlan, health: (ResourceKey) -> HealthStatus?) -> WaveStep? {
        nextApply(Waves(plan), health)
    }

    private static func nextApply(_ waves: Waves, _ health: (ResourceKey) -> HealthStatus?) -> WaveStep? {
        guard let lastApplyWave = waves.lastApplyWave else { return nil }
        for wave in waves.numbers {
            let changes = waves.changes[wave] ?? []
            let applies = changes.filter(isApply)
            if !applies.isEmpty {
                // Progress of the wave being applied is reported after the apply, not before.
                return WaveStep(
                    action: .apply(applies, prune: waves.hasDeletions && wave == lastApplyWave), waves: waves.numbers,
                    wave: wave, ready: 0, total: changes.count)
            }
            let (ready, degraded) = readiness(changes, health)
            if degraded || ready < changes.count {
                return WaveStep(
                    action: .wait(degraded: degraded), waves: waves.numbers, wave: wave, ready: ready,
                    total: changes.count)
            }
        }
        return nil
    }

    /// The plan's changes (but deletions and skipped prunes) by wave.
    private struct Waves {
        var changes: [Int: [PlannedChange]] = [:]
        var numbers: [Int]
        var hasDeletions: Bool
        var lastApplyWave: Int?

        init(_ plan: SyncPlan) {
            var hasDeletions = false
            var lastApplyWave: Int?
            for change in plan.changes {
                if change.action == .delete { hasDeletions = true }
                guard change.action != .delete, change.action != .pruneSkipped else { continue }
                let wave = change.desired.flatMap { SyncWave.of($0.resource) } ?? 0
                changes[wave, default: []].append(change)
                if isApply(change) { lastApplyWave = max(lastApplyWave ?? wave, wave) }
            }
            numbers = changes.keys.sorted()
            self.hasDeletions = hasDeletions
            self.lastApplyWave = lastApplyWave
        }
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
