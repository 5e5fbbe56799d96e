/// No-change converges of the Docker backend: a reconcile of the deployed commit plus one pass of the node agent
/// over the running containers, each timed.
struct DockerNoChangeResult: Codable, Sendable {
    /// The reconcile and the agent's pass, one after the other.
    var samples: Samples
    /// `AppReconciler.reconcile(.poll)` alone: ls-remote, the cached render, the live read, plan, report.
    var reconcileSamples: Samples
    /// `DockerNodeAgent.syncOnce()` alone: the node's pods, one labelled list call, compare, nothing to do.
    var agentPassSamples: Samples
    /// What moved during the timed runs: objects written in the control plane, container events on the daemon
    /// (create, start, die, destroy…), containers whose ID changed. All must stay 0.
    var objectWrites: Int
    var containerEvents: Int
    var replacedContainers: Int
    var outcome: String
    var containers: Int
}
