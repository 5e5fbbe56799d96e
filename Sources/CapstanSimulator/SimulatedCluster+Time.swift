import CapstanModel
import Foundation

/// Moving simulated time: every controller wake-up due on the way fires at its own instant, in order.
extension SimulatedCluster {
    /// Distinct wake-up instants one `advance` processes at most.
    static let maxStepsPerAdvance = 10_000_000

    /// Advances the simulated clock by `duration`.
    public func advance(by duration: Duration) {
        advance(to: plane.now.addingTimeInterval(duration.seconds))
    }

    /// Advances the simulated clock to `time` (no-op if it is in the past).
    public func advance(to time: Date) {
        let target = SimulatedTime.quantize(time)
        guard target > plane.now else { return }
        // Every wake-up is strictly later than the instant that scheduled it, so this ends; the bound is a
        // second line of defence against a controller bug turning into a hung cluster.
        var steps = 0
        while let due = plane.timers.earliest, due <= target, steps < Self.maxStepsPerAdvance {
            plane.now = due
            for timer in plane.timers.popDue(at: due) { manager.enqueue(timer.controller, timer.key) }
            if !manager.runUntilQuiet(&plane) { statistics.livelocks += 1 }
            steps += 1
        }
        if steps == Self.maxStepsPerAdvance { statistics.livelocks += 1 }
        plane.now = target
        _ = settle()
    }
}
