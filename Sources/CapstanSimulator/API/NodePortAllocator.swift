import CapstanCluster
import CapstanModel

/// Node ports of NodePort and LoadBalancer Services from 30000–32767, as the API server allocates them. Simulated
/// only: nothing ever listens on them.
enum NodePortAllocator {
    static let range = 30000...32767

    /// Gives ports without a `nodePort` the one the stored Service had under the same port name (Kubernetes'
    /// update rule), before the update is compared with the stored object.
    static func keepAllocated(_ service: inout Resource, from existing: Resource) {
        guard service.group.isEmpty, service.kind == "Service", needsNodePorts(service), needsNodePorts(existing),
            var ports = service.spec?["ports"]?.arrayValue
        else { return }
        var previous: [String: Int] = [:]
        for port in existing.spec?["ports"]?.arrayValue ?? [] {
            if let number = port["nodePort"]?.intValue { previous[port["name"]?.stringValue ?? ""] = number }
        }
        var taken = Set(ports.compactMap { $0["nodePort"]?.intValue })
        for index in ports.indices where ports[index]["nodePort"] == nil {
            guard let kept = previous[ports[index]["name"]?.stringValue ?? ""], !taken.contains(kept) else { continue }
            taken.insert(kept)
            ports[index]["nodePort"] = .int(kept)
        }
        service.value[path: ["spec", "ports"]] = .array(ports)
    }

    /// Fills the `spec.ports[].nodePort` still missing with free ports; refuses a port another Service holds.
    static func assign(_ service: inout Resource, in plane: inout ControlPlane) throws(ClusterError) {
        guard service.group.isEmpty, service.kind == "Service", needsNodePorts(service),
            var ports = service.spec?["ports"]?.arrayValue
        else { return }
        var used = portsInUse(plane.store, except: service.key)
        for (index, port) in ports.enumerated() {
            guard let requested = port["nodePort"]?.intValue else { continue }
            if used.contains(requested) {
                throw ClusterError(
                    .invalid, key: service.key,
                    "spec.ports[\(index)].nodePort: Invalid value: \(requested): provided port is already allocated")
            }
        }
        used.formUnion(ports.compactMap { $0["nodePort"]?.intValue })
        guard ports.contains(where: { $0["nodePort"] == nil }) else { return }
        for index in ports.indices where ports[index]["nodePort"] == nil {
            let number = try allocate(avoiding: used, &plane.random, key: service.key)
            used.insert(number)
            ports[index]["nodePort"] = .int(number)
        }
        service.value[path: ["spec", "ports"]] = .array(ports)
    }

    /// NodePort Services, and LoadBalancer Services unless `allocateLoadBalancerNodePorts: false`.
    static func needsNodePorts(_ service: Resource) -> Bool {
        switch service.serviceType {
        case "NodePort": return true
        case "LoadBalancer": return service.spec?["allocateLoadBalancerNodePorts"]?.boolValue ?? true
        default: return false
        }
    }

    private static func portsInUse(_ store: ObjectStore, except key: ResourceKey) -> Set<Int> {
        var used: Set<Int> = []
        for serviceKey in store.keys(group: "", kind: "Service") where serviceKey != key {
            for port in store[serviceKey]?.spec?["ports"]?.arrayValue ?? [] {
                if let number = port["nodePort"]?.intValue { used.insert(number) }
            }
        }
        return used
    }

    private static func allocate(avoiding used: Set<Int>, _ random: inout SeededRandom, key: ResourceKey)
        throws(ClusterError) -> Int
    {
        let size = range.count
        let start = Int(random.next() % UInt64(size))
        for offset in 0..<size {
            let candidate = range.lowerBound + (start + offset) % size
            if !used.contains(candidate) { return candidate }
        }
        throw ClusterError(
            .unavailable, key: key,
            "failed to allocate a nodePort: the range 30000-32767 is full; delete a NodePort Service and retry")
    }
}
