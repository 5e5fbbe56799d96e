/// One cold reconcile: from an empty state folder and no git cache to 10,000 resources applied.
struct ColdRun: Codable, Sendable {
    /// The reconcile end to end.
    var milliseconds: Double
    /// Its phases, adding up to `milliseconds`.
    var phases: [Phase]
    /// Opening the store, creating the cluster and its nodes, loading the reconciler (before the reconcile).
    var setupMilliseconds: Double
    /// VmHWM right after the reconcile: the process's peak resident set, setup included.
    var peakResidentBytes: Int
    /// VmRSS just before the reconcile (after setup).
    var residentBytesBefore: Int
    var outcome: String
    /// The app's health after the reconcile, and how many of its pods were Running by then.
    var health: String
    var runningPods: Int
    var revision: String
    /// Objects Capstan applied, and what the cluster then holds in the app's namespace.
    var applied: Int
    var deployments: Int
    var pods: Int
}
