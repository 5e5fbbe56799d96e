import CapstanModel
import Foundation

/// Moving simulated time: every controller wake-up due on the way fires at its own instant, in order.
extension SimulatedCluster {
    /// Advances the simulated clock by `duration`.
    public func advance(by duration: Duration) {
        advance(to: plane.now.addingTimeInterval(duration.seconds))
    }

    /// Advances the simulated clock to `time` (no-op if it is in the past).
    public func advance(to time: Date) {
        let target = SimulatedTime.quantize(time)
        guard target > plane.now else { return }
        while let due = plane.timers.earliest, due <= target {
            plane.now = due
            for timer in plane.timers.popDue(at: due) { manager.enqueue(timer.controller, timer.key) }
            manager.runUntilQuiet(&plane)
        }
        plane.now = target
        _ = settle()
    }
}
