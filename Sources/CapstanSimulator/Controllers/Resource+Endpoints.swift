import CapstanModel

/// What the endpoints controller reads from pods and Services.
extension Resource {
    /// The Service's equality-based selector; nil when it has none (an empty selector is stored as none).
    var serviceSelector: [String: String]? {
        guard let selector = spec?["selector"]?.stringMap, !selector.isEmpty else { return nil }
        return selector
    }

    var serviceType: String { spec?["type"]?.stringValue ?? "ClusterIP" }

    /// `clusterIP: None`.
    var isHeadlessService: Bool { spec?["clusterIP"]?.stringValue == "None" }

    var podIP: String? {
        let ip =
            value[path: ["status", "podIP"]]?.stringValue
            ?? value[path: ["status", "podIPs"]]?.arrayValue?.first?["ip"]?.stringValue
        return ip?.isEmpty == false ? ip : nil
    }

    /// The pod is being deleted (graceful termination).
    var isTerminating: Bool { value[path: ["metadata", "deletionTimestamp"]] != nil }

    /// Kubernetes' `ShouldPodBeInEndpoints`: not Succeeded or Failed, has an IP, and not terminating unless
    /// terminating pods are wanted (`publishNotReadyAddresses`).
    func belongsInEndpoints(includeTerminating: Bool) -> Bool {
        !isPodTerminated && podIP != nil && (includeTerminating || !isTerminating)
    }

    /// Kubernetes' `FindPort`: the container port a Service port's `targetPort` means on this pod. A number is
    /// taken as is; a name is looked up among the ports of the containers (and of restartable init containers,
    /// the sidecars) with the same protocol; nil when the name is not found.
    func containerPort(for servicePort: Value) -> Int? {
        let target = servicePort["targetPort"] ?? servicePort["port"]
        if let number = target?.intValue { return number }
        guard let name = target?.stringValue else { return nil }
        let wantedProtocol = servicePort["protocol"]?.stringValue ?? "TCP"
        let sidecars = (value[path: ["spec", "initContainers"]]?.arrayValue ?? []).filter {
            $0["restartPolicy"]?.stringValue == "Always"
        }
        for container in containers + sidecars {
            for port in container["ports"]?.arrayValue ?? [] {
                guard port["name"]?.stringValue == name, (port["protocol"]?.stringValue ?? "TCP") == wantedProtocol
                else { continue }
                if let number = port["containerPort"]?.intValue { return number }
            }
        }
        return nil
    }
}
