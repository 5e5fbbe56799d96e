import CapstanModel
import Foundation

/// The state of one probe of one running container, as the kubelet's prober keeps it: the result holds until
/// `successThreshold` successes or `failureThreshold` failures in a row change it; probes start after the
/// initial delay and repeat every period.
struct ProbeTracker {
    let settings: ProbeSettings
    /// Readiness starts failed (not Ready until a probe passes), liveness starts passed.
    private(set) var passing: Bool
    private var successes = 0
    private var failures = 0
    private(set) var nextAt: Date

    init(_ probe: Value, startedAt: Date, initiallyPassing: Bool) {
        settings = ProbeSettings(probe)
        passing = initiallyPassing
        nextAt = startedAt.addingTimeInterval(TimeInterval(settings.initialDelaySeconds))
    }

    func isDue(at now: Date) -> Bool { now >= nextAt }

    /// Counts one probe result taken at `now` and schedules the next.
    mutating func record(_ succeeded: Bool, at now: Date) {
        if succeeded {
            successes += 1
            failures = 0
            if successes >= settings.successThreshold { passing = true }
        } else {
            failures += 1
            successes = 0
            if failures >= settings.failureThreshold { passing = false }
        }
        nextAt = now.addingTimeInterval(TimeInterval(settings.periodSeconds))
    }
}
