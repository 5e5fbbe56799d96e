import CapstanCluster
import CapstanModel

/// Traffic inside the simulation: requests through Services (`capstan sim request`) and DNS lookups as a pod
/// makes them. Nothing here opens a socket: every address is simulated.
extension SimulatedCluster {
    /// Sends `count` (0…1,000,000) simulated requests through a Service, round-robin over its ready endpoints in
    /// pod-name order, continuing where the previous call to this Service stopped. Writes no object.
    /// Throws not found for an unknown Service and unavailable when it has no ready endpoints.
    public func sendRequests(service key: ResourceKey, count: Int) throws(ClusterError) -> RequestDistribution {
        try ServiceBalancer.distribute(service: key, count: count, in: &plane)
    }

    /// The address a DNS name resolves to for a pod in `namespace` (`web`, `web.shop`, `web.shop.svc`,
    /// `web.shop.svc.cluster.local`, `web-0.web.shop.svc.cluster.local`): a Service's cluster IP, the first ready
    /// endpoint of a headless Service, or a pod's IP; nil when the name resolves to nothing.
    public func resolve(dnsName: String, from namespace: String = "default") -> String? {
        resolveAll(dnsName: dnsName, from: namespace).first
    }

    /// Every address a DNS name resolves to (all ready endpoints of a headless Service), sorted; empty when none.
    public func resolveAll(dnsName: String, from namespace: String = "default") -> [String] {
        ClusterDNS(store: plane.store).addresses(of: dnsName, from: namespace)
    }
}

/// How many of a batch of simulated requests each pod served.
public struct RequestDistribution: Sendable, Hashable, Codable {
    /// `NAMESPACE/NAME` of the Service.
    public var service: String
    public var total: Int
    /// Requests per pod name (every ready endpoint, 0 included); hand-written Endpoints without a pod are
    /// counted under their IP.
    public var byPod: [String: Int]

    public init(service: String, total: Int, byPod: [String: Int]) {
        self.service = service
        self.total = total
        self.byPod = byPod
    }
}
