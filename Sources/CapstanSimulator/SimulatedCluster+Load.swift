import CapstanCluster
import CapstanModel

/// Simulated load (`capstan sim load NS/SERVICE --cpu PERCENT`), the input of HorizontalPodAutoscalers.
extension SimulatedCluster {
    /// Sets the CPU utilization (percent of their cpu requests) of the pods a Service selects. A pod's
    /// utilization is the load of a Service selecting it (the highest, if several do), else 0; HPAs read it at
    /// their next sync, from Running pods only, as from metrics-server. Loads are kept in memory, not in the
    /// state store: a restarted cluster starts without load. Throws not found for an unknown Service and
    /// invalid for a percentage outside 0…1000.
    public func setLoad(service key: ResourceKey, cpuPercent: Double) throws(ClusterError) {
        guard key.group.isEmpty, key.kind == "Service", plane.store[key] != nil else {
            throw ClusterError(.notFound, key: key, "services \"\(key.name)\" not found")
        }
        guard cpuPercent.isFinite, (0...1000).contains(cpuPercent) else {
            throw ClusterError(.invalid, key: key, "cpu load must be a percentage from 0 to 1000, got \(cpuPercent)")
        }
        plane.faults.serviceLoad[key] = cpuPercent
    }

    /// The CPU load set on a Service, nil when none was.
    public func load(service key: ResourceKey) -> Double? {
        plane.faults.serviceLoad[key]
    }
}
