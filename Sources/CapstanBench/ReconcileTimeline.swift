import Synchronization

/// When each call a reconcile made to git and to the cluster started and ended: the reconciler has no
/// timing hooks, so the benchmark wraps its source and backend and reads the phases from the gaps.
final class ReconcileTimeline: Sendable {
    /// A call to the source or the cluster.
    enum Call: String, Sendable {
        case resolve, files, get, dryRun, apply, delete
    }

    struct Mark: Sendable {
        var call: Call
        var start: ContinuousClock.Instant
        var end: ContinuousClock.Instant
        /// The process's peak RSS so far when the call started and ended (0 unless memory is tracked).
        var peakAtStart = 0
        var peakAtEnd = 0
    }

    /// Also read the peak RSS around every call (about 50 µs a reading: for cold runs only).
    let tracksMemory: Bool
    private let marks = Mutex<[Mark]>([])

    init(tracksMemory: Bool = false) {
        self.tracksMemory = tracksMemory
    }

    /// The time, and the peak RSS when tracked, at the start of a call.
    func begin() -> (ContinuousClock.Instant, Int) {
        (.now, tracksMemory ? ProcessMemory.peakResidentBytes : 0)
    }

    func record(_ call: Call, from start: (ContinuousClock.Instant, Int)) {
        let end = ContinuousClock.now
        let mark = Mark(
            call: call, start: start.0, end: end, peakAtStart: start.1,
            peakAtEnd: tracksMemory ? ProcessMemory.peakResidentBytes : 0)
        marks.withLock { $0.append(mark) }
    }

    /// Forgets the marks of earlier reconciles.
    func reset() {
        marks.withLock { $0.removeAll() }
    }

    var recorded: [Mark] {
        marks.withLock { $0 }
    }
}
