import CapstanModel

/// The simulated cloud's load balancers: a LoadBalancer Service gets `status.loadBalancer.ingress` with an address
/// from 198.18.0.0/16 (a range reserved for benchmarks, never routed), so it is not "pending" for ever; a Service
/// that stops being a LoadBalancer loses it. The address exists only inside the simulation.
enum LoadBalancerIngress {
    static func reconcile(_ service: Resource, in plane: inout ControlPlane) {
        let ingress = service.value[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []
        var updated = service
        if service.serviceType == "LoadBalancer" {
            guard ingress.isEmpty else { return }
            plane.recordEvent(service, reason: "EnsuringLoadBalancer", message: "Ensuring load balancer")
            let ip = requestedAddress(service) ?? allocate(plane.store, &plane.random)
            updated.value[path: ["status", "loadBalancer"]] = ["ingress": [["ip": .string(ip), "ipMode": "VIP"]]]
            plane.store.update(updated)
            plane.recordEvent(service, reason: "EnsuredLoadBalancer", message: "Ensured load balancer")
        } else {
            guard !ingress.isEmpty else { return }
            plane.recordEvent(service, reason: "DeletingLoadBalancer", message: "Deleting load balancer")
            updated.value[path: ["status", "loadBalancer"]] = [:]
            plane.store.update(updated)
            plane.recordEvent(service, reason: "DeletedLoadBalancer", message: "Deleted load balancer")
        }
    }

    /// `spec.loadBalancerIP` (deprecated in Kubernetes, still honoured by clouds that support it).
    private static func requestedAddress(_ service: Resource) -> String? {
        guard let ip = service.spec?["loadBalancerIP"]?.stringValue, !ip.isEmpty else { return nil }
        return ip
    }

    private static func allocate(_ store: ObjectStore, _ random: inout SeededRandom) -> String {
        var used: Set<String> = []
        for key in store.keys(group: "", kind: "Service") {
            for entry in store[key]?.value[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? [] {
                if let ip = entry["ip"]?.stringValue { used.insert(ip) }
            }
        }
        for _ in 0..<100_000 {
            let n = Int(random.next() % 65_000) + 10
            let ip = "198.18.\(n / 256).\(n % 256)"
            if !used.contains(ip) { return ip }
        }
        return "198.18.255.254"
    }
}
