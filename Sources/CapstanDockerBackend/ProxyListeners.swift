import CapstanModel
import CapstanProxy

/// What the service proxy should serve, from the control plane's Services and Endpoints (kube-proxy's job):
/// one listener per TCP port of each Service with a selector, on the proxy address and the Service port,
/// forwarding to the Ready endpoints. An endpoint's port that one of its pod's containers declares means the
/// pod's `PORT` (the host-network convention); any other number is used as written.
enum ProxyListeners {
    static func build(
        services: [Resource], endpoints: [Resource], pods: [Resource], podPort: (String) -> Int?, address: String
    ) -> [ProxyListener] {
        var endpointsByService: [String: Resource] = [:]
        for object in endpoints { endpointsByService["\(object.namespace)/\(object.name)"] = object }
        var podsByUID: [String: Resource] = [:]
        for pod in pods {
            if let uid = pod.value[path: ["metadata", "uid"]]?.stringValue { podsByUID[uid] = pod }
        }
        var listeners: [ProxyListener] = []
        for service in services where service.spec?["selector"] != nil {
            let id = "\(service.namespace)/\(service.name)"
            let subsets = endpointsByService[id]?.value["subsets"]?.arrayValue ?? []
            for servicePort in service.spec?["ports"]?.arrayValue ?? [] {
                guard (servicePort["protocol"]?.stringValue ?? "TCP") == "TCP", let port = servicePort["port"]?.intValue
                else { continue }
                let name = servicePort["name"]?.stringValue ?? ""
                var backends: [ProxyBackend] = []
                for subset in subsets {
                    let ports = subset["ports"]?.arrayValue ?? []
                    guard
                        let endpointPort = ports.first(where: { ($0["name"]?.stringValue ?? "") == name })?["port"]?
                            .intValue
                    else { continue }
                    for address in subset["addresses"]?.arrayValue ?? [] {
                        guard let ip = address["ip"]?.stringValue else { continue }
                        let uid = address[path: ["targetRef", "uid"]]?.stringValue ?? ""
                        let target = hostPort(endpointPort, pod: podsByUID[uid], podPort: podPort(uid))
                        backends.append(ProxyBackend(host: ip, port: target))
                    }
                }
                listeners.append(ProxyListener(name: "\(id):\(port)", host: address, port: port, backends: backends))
            }
        }
        return listeners.sorted { $0.name < $1.name }
    }

    /// The host port behind an endpoint port of `pod`.
    static func hostPort(_ endpointPort: Int, pod: Resource?, podPort: Int?) -> Int {
        guard let pod, let podPort else { return endpointPort }
        let containers = pod.value[path: ["spec", "containers"]]?.arrayValue ?? []
        let declared = containers.contains { container in
            (container["ports"]?.arrayValue ?? []).contains { $0["containerPort"]?.intValue == endpointPort }
        }
        return declared ? podPort : endpointPort
    }
}
