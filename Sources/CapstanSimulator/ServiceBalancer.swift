import CapstanCluster
import CapstanModel

/// kube-proxy's part for simulated requests: a Service's ready endpoints in a stable order (by pod name), served
/// round-robin from a cursor kept per Service in `plane.faults.balancerCursors`. It writes no object.
enum ServiceBalancer {
    /// Requests one call may simulate.
    static let maxRequests = 1_000_000

    static func distribute(service key: ResourceKey, count: Int, in plane: inout ControlPlane) throws(ClusterError)
        -> RequestDistribution
    {
        let key = ResourceKey(
            group: "", kind: "Service", namespace: key.namespace.isEmpty ? "default" : key.namespace, name: key.name)
        let label = "\(key.namespace)/\(key.name)"
        guard (0...maxRequests).contains(count) else {
            throw ClusterError(
                .invalid, key: key, "request count \(count) is out of range: send between 0 and \(maxRequests)")
        }
        guard let service = plane.store[key] else {
            throw ClusterError(.notFound, key: key, "services \"\(key.name)\" not found in namespace \(key.namespace)")
        }
        if service.serviceType == "ExternalName" {
            let target = service.spec?["externalName"]?.stringValue ?? ""
            throw ClusterError(
                .invalid, key: key,
                "service \(label) is an ExternalName alias for \(target): it has no endpoints inside the simulation")
        }
        let backends = readyBackends(of: service, plane.store)
        guard !backends.isEmpty else {
            throw ClusterError(.unavailable, key: key, "service \(label) has no ready endpoints")
        }
        let cursor = (plane.faults.balancerCursors[key] ?? 0) % backends.count
        var byPod: [String: Int] = [:]
        for offset in 0..<backends.count {
            let backend = backends[(cursor + offset) % backends.count]
            byPod[backend] = count / backends.count + (offset < count % backends.count ? 1 : 0)
        }
        plane.faults.balancerCursors[key] = (cursor + count) % backends.count
        return RequestDistribution(service: label, total: count, byPod: byPod)
    }

    /// The pods (or, for hand-written Endpoints without a pod reference, the IPs) that serve the Service's first
    /// port and are ready, sorted. A truncated Endpoints object is bypassed: kube-proxy reads EndpointSlices,
    /// which hold every endpoint.
    static func readyBackends(of service: Resource, _ store: ObjectStore) -> [String] {
        let endpointsKey = ResourceKey(group: "", kind: "Endpoints", namespace: service.namespace, name: service.name)
        var subsets = store[endpointsKey]?.value["subsets"]?.arrayValue ?? []
        let truncated = store[endpointsKey]?.annotations[EndpointSubsets.overCapacityAnnotation] != nil
        if truncated, let selector = service.serviceSelector {
            let pods = store.list(group: "", kind: "Pod", namespace: service.namespace).filter {
                ServiceSelectorIndex.matches(selector, $0.labels)
            }
            subsets = EndpointSubsets(service: service, pods: pods).value?.arrayValue ?? []
        }
        let firstPort = service.spec?["ports"]?.arrayValue?.first
        var backends: Set<String> = []
        for subset in subsets {
            if let firstPort {
                let name = firstPort["name"]?.stringValue ?? ""
                let proto = firstPort["protocol"]?.stringValue ?? "TCP"
                let serves = (subset["ports"]?.arrayValue ?? []).contains {
                    ($0["name"]?.stringValue ?? "") == name && ($0["protocol"]?.stringValue ?? "TCP") == proto
                }
                guard serves else { continue }
            }
            for address in subset["addresses"]?.arrayValue ?? [] {
                let pod =
                    address[path: ["targetRef", "kind"]]?.stringValue == "Pod"
                    ? address[path: ["targetRef", "name"]]?.stringValue : nil
                if let backend = pod ?? address["ip"]?.stringValue { backends.insert(backend) }
            }
        }
        return backends.sorted()
    }
}
