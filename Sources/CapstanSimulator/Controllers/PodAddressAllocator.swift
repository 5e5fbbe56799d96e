import CapstanModel

/// Simulated pod IPs: each node owns a /24 of 10.244.0.0/16 (addresses that exist only inside the
/// simulation; nothing ever dials them).
struct PodAddressAllocator: Sendable {
    private var used: [String: Set<Int>] = [:]
    private var byPod: [ResourceKey: (node: String, host: Int)] = [:]
    /// Each node's subnet number, from the sorted node names; rebuilt when nodes change.
    private var subnets: [String: Int]?

    /// Forgets the subnet numbers after a Node change.
    mutating func nodesChanged() { subnets = nil }

    /// Tracks addresses of pods seen, so a restarted simulation never hands one out twice.
    mutating func observe(_ change: ObjectChange) {
        if change.kind == .deleted || change.object.isPodTerminated {
            release(change.key)
            return
        }
        guard let ip = change.object.value[path: ["status", "podIP"]]?.stringValue,
            let host = ip.split(separator: ".").last.flatMap({ Int($0) })
        else { return }
        byPod[change.key] = (change.object.nodeName, host)
        used[change.object.nodeName, default: []].insert(host)
    }

    /// A free address on the node's subnet.
    mutating func allocate(for pod: ResourceKey, node: String, _ store: ObjectStore) -> String {
        let subnets =
            self.subnets
            ?? Dictionary(
                uniqueKeysWithValues: store.keys(group: "", kind: "Node").map(\.name)
                    .sorted().enumerated().map { ($1, $0 % 250) })
        self.subnets = subnets
        let subnet = subnets[node] ?? 0
        var taken = used[node] ?? []
        let host = (2...254).first { !taken.contains($0) } ?? 254
        taken.insert(host)
        used[node] = taken
        byPod[pod] = (node, host)
        return "10.244.\(subnet).\(host)"
    }

    private mutating func release(_ pod: ResourceKey) {
        guard let entry = byPod.removeValue(forKey: pod) else { return }
        used[entry.node]?.remove(entry.host)
    }

    /// The node's simulated internal address.
    static func nodeAddress(_ node: String, _ store: ObjectStore) -> String {
        store[ResourceKey(group: "", kind: "Node", namespace: "", name: node)]?
            .value[path: ["status", "addresses"]]?.arrayValue?.first?["address"]?.stringValue ?? "10.10.0.1"
    }
}
