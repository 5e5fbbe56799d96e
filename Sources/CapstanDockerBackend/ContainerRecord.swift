import Foundation

/// The node agent's memory of one container of a pod: restarts and their back-off, probe state, and the
/// last failure to create or start it.
struct ContainerRecord {
    var id: String?
    var startedAt: Date?
    var restartCount = 0
    /// The next restart waits this long (10 s, doubling to 5 min, as the kubelet's back-off).
    var backOffSeconds: TimeInterval = 10
    var restartAt: Date?
    var readiness: ProbeTracker?
    var liveness: ProbeTracker?
    var waitingReason: String?
    var waitingMessage: String?
    /// When to try creating again after a failure.
    var retryAt: Date?

    static let maxBackOffSeconds: TimeInterval = 300
}
