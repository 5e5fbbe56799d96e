/// Reconciles of a commit that is already deployed, on a cluster whose pods are running.
struct NoChangeResult: Codable, Sendable {
    /// Each reconcile end to end.
    var samples: Samples
    var phases: [PhaseSamples]
    /// `SyncPlanner.plan` alone on the same inputs, to split the plan from assessing and reporting.
    var planSamples: Samples
    /// The cold reconcile that deployed the commit first, in this process.
    var coldMilliseconds: Double
    var outcome: String
    /// Objects written by anyone and history rows added during the timed runs: both must stay 0.
    var objectWrites: Int
    var historyRowsAdded: Int
    var resources: Int
}
