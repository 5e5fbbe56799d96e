/// What one reconcile asks of the loop next (controller-runtime's Result): every exit path is one of these.
public enum ReconcileOutcome: Sendable, Equatable {
    /// All done; look again after the poll interval.
    case done
    /// A rollout is in progress; look again soon (cluster events may wake it sooner).
    case progressing
    /// Failed in a way that may pass (network, busy store): retry with backoff.
    case retry(String)
    /// Failed in a way only new input can fix (broken manifests): wait for the next poll.
    case stalled(String)
}
