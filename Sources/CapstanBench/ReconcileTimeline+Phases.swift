/// Cutting one reconcile into named phases that add up to its total.
extension ReconcileTimeline {
    /// The phases of the reconcile that ran from `start` to `end`, in the order they happened.
    ///
    /// Calls are phases of their own (`resolve`, `read files`, `read live`, `dry run`, `apply`, `prune`);
    /// the time between them is the reconciler's own work, named by what comes next (`render` before the
    /// live read, `plan` before the dry run) or, after the last call, `assess + record`. `endPeak` is the
    /// peak RSS at `end`, when memory is tracked.
    func phases(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant, endPeak: Int = 0) -> [Phase] {
        var phases: [Phase] = []
        func add(_ name: String, _ duration: Duration, peak: Int) {
            if let index = phases.firstIndex(where: { $0.name == name }) {
                phases[index].milliseconds += duration.milliseconds
                phases[index].peakResidentBytes = max(phases[index].peakResidentBytes ?? 0, peak)
            } else {
                phases.append(
                    Phase(
                        name: name, milliseconds: duration.milliseconds,
                        peakResidentBytes: tracksMemory ? peak : nil))
            }
        }
        var cursor = start
        var readFiles = false
        var applied = false
        for mark in recorded.sorted(by: { $0.start < $1.start }) where mark.start >= start {
            let gap = cursor.duration(to: mark.start)
            let call = mark.start.duration(to: mark.end)
            switch mark.call {
            case .resolve: add(Phase.resolve, gap + call, peak: mark.peakAtEnd)
            case .files:
                add(Phase.resolve, gap, peak: mark.peakAtStart)
                add(Phase.files, call, peak: mark.peakAtEnd)
                readFiles = true
            case .get:
                add(readFiles ? Phase.render : Phase.renderCached, gap, peak: mark.peakAtStart)
                add(Phase.live, call, peak: mark.peakAtEnd)
            case .dryRun:
                add(Phase.plan, gap, peak: mark.peakAtStart)
                add(Phase.dryRun, call, peak: mark.peakAtEnd)
            case .apply, .delete:
                add(Phase.apply, gap + call, peak: mark.peakAtEnd)
                applied = true
            }
            cursor = mark.end
        }
        add(applied ? Phase.record : Phase.report, cursor.duration(to: end), peak: endPeak)
        return phases
    }
}
