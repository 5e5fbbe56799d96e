import CapstanModel

/// Service cluster IPs from 10.96.0.0/16, simulated only (never dialled).
struct ClusterIPAllocator: Sendable {
    /// Addresses handed out, built from the stored Services on first use.
    private var used: Set<String>?

    mutating func allocate(_ store: ObjectStore, _ random: inout SeededRandom) -> String {
        var used =
            self.used
            ?? Set(
                store.keys(group: "", kind: "Service").compactMap {
                    store[$0]?.value[path: ["spec", "clusterIP"]]?.stringValue
                })
        defer { self.used = used }
        for _ in 0..<100_000 {
            let n = Int(random.next() % 65_000) + 10
            let ip = "10.96.\(n / 256).\(n % 256)"
            if used.insert(ip).inserted { return ip }
        }
        return "10.96.255.254"
    }
}
