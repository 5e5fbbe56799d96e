import Foundation

/// The node agent's memory of one container of a pod: restarts and their back-off, probe state, and the
/// last failure to create or start it.
struct ContainerRecord {
    var id: String?
    var startedAt: Date?
    var restartCount = 0
    /// The next restart waits `backOffSeconds` (10 s, doubling to 5 min, as the kubelet's back-off) once it
    /// restarted before; `ContainerRecord+BackOff`.
    var inBackOff = false
    var backOffSeconds: TimeInterval = 10
    var restartAt: Date?
    var readiness: ProbeTracker?
    var liveness: ProbeTracker?
    var waitingReason: String?
    var waitingMessage: String?
    /// When to try creating again after a failure.
    var retryAt: Date?
    /// When this container asked for its image to be pulled; nil when it waits on no pull.
    var pullRequestedAt: Date?
    /// After a failed pull: the next pull waits until `pullRetryAt`; the wait doubles up to 5 min.
    var pullRetryAt: Date?
    var pullBackOffSeconds: TimeInterval = initialBackOffSeconds

    static let initialBackOffSeconds: TimeInterval = 10
    static let maxBackOffSeconds: TimeInterval = 300
}
