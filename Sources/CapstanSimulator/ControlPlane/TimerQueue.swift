import CapstanModel
import Foundation

/// Wake-ups controllers asked for ("look at this pod again at 12:00:05"), ordered by time.
struct TimerQueue: Sendable {
    struct Timer: Sendable, Hashable {
        var due: Date
        var controller: ControllerID
        var key: ResourceKey
    }

    private var timers: Set<Timer> = []
    /// The earliest due time, kept so `next` is cheap.
    private(set) var earliest: Date?

    mutating func schedule(_ controller: ControllerID, _ key: ResourceKey, at due: Date) {
        let timer = Timer(due: SimulatedTime.quantize(due), controller: controller, key: key)
        guard timers.insert(timer).inserted else { return }
        if earliest == nil || timer.due < earliest! { earliest = timer.due }
    }

    /// Removes and returns every timer due at or before `time`, in due order.
    mutating func popDue(at time: Date) -> [Timer] {
        guard let earliest, earliest <= time else { return [] }
        let due = timers.filter { $0.due <= time }
        timers.subtract(due)
        self.earliest = timers.min(by: { $0.due < $1.due })?.due
        return due.sorted { ($0.due, $0.controller.rawValue, $0.key) < ($1.due, $1.controller.rawValue, $1.key) }
    }

    var count: Int { timers.count }
}
