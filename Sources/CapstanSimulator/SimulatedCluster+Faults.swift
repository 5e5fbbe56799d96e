import CapstanCluster
import CapstanModel

/// Fault injection and load, for rehearsing failures (`capstan sim …`). Each call changes the cluster
/// like the real event would and lets the controllers react before it returns.
extension SimulatedCluster {
    /// The pod disappears at once (no graceful termination); its owner replaces it.
    public func killPod(_ key: ResourceKey) throws(ClusterError) {
        throw ClusterError(.unsupported, key: key, "killPod is not implemented yet")
    }

    /// The pod's container (the first, or the one named) exits with an error; restarts and back-off follow.
    public func crashContainer(pod key: ResourceKey, container: String? = nil) throws(ClusterError) {
        throw ClusterError(.unsupported, key: key, "crashContainer is not implemented yet")
    }

    /// The node stops responding: NotReady, then its pods are evicted after their toleration timeout.
    public func failNode(_ name: String) throws(ClusterError) {
        throw ClusterError(.unsupported, "failNode is not implemented yet")
    }

    /// The node answers again: Ready, its NoExecute taints removed, pending pods can land on it.
    public func recoverNode(_ name: String) throws(ClusterError) {
        throw ClusterError(.unsupported, "recoverNode is not implemented yet")
    }

    /// `kubectl drain`: the node is cordoned and its pods evicted (owners recreate them elsewhere).
    public func drainNode(_ name: String) throws(ClusterError) {
        throw ClusterError(.unsupported, "drainNode is not implemented yet")
    }

    /// Makes pulls of `image` fail (`false`) or succeed again (`true`).
    public func setImagePullable(_ image: String, _ pullable: Bool) {
    }

    /// Sets the CPU utilization (percent of requests) of the pods behind a Service, the input of HPAs.
    public func setLoad(service key: ResourceKey, cpuPercent: Double) throws(ClusterError) {
        throw ClusterError(.unsupported, key: key, "setLoad is not implemented yet")
    }

    /// Sends `count` simulated requests through a Service, round-robin over its ready endpoints.
    public func sendRequests(service key: ResourceKey, count: Int) throws(ClusterError) -> RequestDistribution {
        throw ClusterError(.unsupported, key: key, "sendRequests is not implemented yet")
    }

    /// The cluster IP a DNS name resolves to inside the simulation (`web.shop.svc.cluster.local`, `web.shop`),
    /// nil when no Service has that name.
    public func resolve(dnsName: String, from namespace: String = "default") -> String? {
        nil
    }
}

/// How many of a batch of simulated requests each pod served.
public struct RequestDistribution: Sendable, Hashable, Codable {
    /// `NAMESPACE/NAME` of the Service.
    public var service: String
    public var total: Int
    /// Requests per pod name.
    public var byPod: [String: Int]

    public init(service: String, total: Int, byPod: [String: Int]) {
        self.service = service
        self.total = total
        self.byPod = byPod
    }
}
