/// One cold converge of the Docker backend: from an empty state folder, no git cache and no container to every
/// service's container running (and then every Deployment Available). Times in milliseconds from the start of
/// the reconcile.
struct DockerColdRun: Codable, Sendable {
    /// The daemon's time of the last container's `start` event: from then on every container runs (a labelled
    /// list checks it afterwards).
    var runningMilliseconds: Double
    /// The control plane's watch delivered the Deployment change after which every Deployment was Available.
    var availableMilliseconds: Double
    /// The reconcile call itself (clone, render, plan, apply, assess, record); the agent works beside it.
    var reconcileMilliseconds: Double
    /// The control plane's watch delivered the last pod (its ReplicaSet controller created it, bound by the
    /// scheduler).
    var podsCreatedMilliseconds: Double
    /// The daemon's own event times: the first and last container `create`, the first `start` (the last is
    /// `runningMilliseconds`).
    var firstCreateMilliseconds: Double
    var lastCreateMilliseconds: Double
    var firstStartMilliseconds: Double
    /// CPU time the benchmark's process (the backend, the reconcile, the observers) used until both were reached.
    var cpuMilliseconds: Double
    /// Opening the store and the control plane, loading the reconciler and the backend's warm-up (not counted).
    var setupMilliseconds: Double
    var outcome: String
    var containers: Int
}
