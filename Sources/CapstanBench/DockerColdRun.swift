/// One cold converge of the Docker backend: from an empty state folder, no git cache and no container to every
/// service's container running (and then every Deployment Available). Times in milliseconds from the start of
/// the reconcile.
struct DockerColdRun: Codable, Sendable {
    /// The first labelled list poll that saw every container running.
    var runningMilliseconds: Double
    /// The first poll of the control plane that saw every Deployment Available.
    var availableMilliseconds: Double
    /// The reconcile call itself (clone, render, plan, apply, assess, record); the agent works beside it.
    var reconcileMilliseconds: Double
    /// The control plane's watch delivered the last pod (its ReplicaSet controller created it, bound by the
    /// scheduler).
    var podsCreatedMilliseconds: Double
    /// The daemon's own event times: the first and last container `create` and `start`.
    var firstCreateMilliseconds: Double
    var lastCreateMilliseconds: Double
    var firstStartMilliseconds: Double
    var lastStartMilliseconds: Double
    /// CPU time the benchmark's process (the backend, the reconcile, the poll) used until both were reached.
    var cpuMilliseconds: Double
    /// Labelled list polls made until all ran, and the poll's interval.
    var polls: Int
    var pollIntervalMilliseconds: Double
    /// Opening the store and the control plane, loading the reconciler and the backend's warm-up (not counted).
    var setupMilliseconds: Double
    var outcome: String
    var containers: Int
}
