import CapstanModel

/// Kubernetes' Service discovery through environment variables: for every Service in a pod's namespace that
/// exists when its containers start, `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT` and the Docker-links `NAME_PORT_…`
/// family, as the kubelet builds them (pkg/kubelet/envvars). Only Services with a cluster IP count (not headless,
/// not ExternalName); `spec.enableServiceLinks: false` leaves out all but the `default/kubernetes` Service.
enum ServiceEnvironment {
    /// The annotation on a simulated pod that records the variables its containers were started with:
    /// a compact JSON object of variable name to value, keys sorted (`annotationValue(for:in:)` builds it,
    /// `recorded(in:)` reads it back).
    static let annotation = "simulation.capstan.io/service-environment"

    /// The Services whose variables every pod gets, even with `enableServiceLinks: false` (the kubelet's
    /// "master services" in the `default` namespace).
    static let masterServices: Set<String> = ["kubernetes"]
    static let masterServiceNamespace = "default"

    /// The variables for `pod` given the Services that exist now.
    static func variables(for pod: Resource, in plane: ControlPlane) -> [String: String] {
        let namespace = pod.namespace.isEmpty ? "default" : pod.namespace
        let enableServiceLinks = pod.spec?["enableServiceLinks"]?.boolValue ?? true
        var chosen: [String: Resource] = [:]
        for name in masterServices.sorted() {
            let key = ResourceKey(group: "", kind: "Service", namespace: masterServiceNamespace, name: name)
            if let service = plane.store[key], hasClusterIP(service) { chosen[name] = service }
        }
        if enableServiceLinks {
            // A Service of the pod's own namespace wins over a master Service of the same name.
            for service in plane.store.list(group: "", kind: "Service", namespace: namespace)
            where hasClusterIP(service) {
                chosen[service.name] = service
            }
        }
        var variables: [String: String] = [:]
        for service in chosen.values { add(service, to: &variables) }
        return variables
    }

    /// The annotation value recording `variables(for:in:)`.
    static func annotationValue(for pod: Resource, in plane: ControlPlane) -> String {
        encode(variables(for: pod, in: plane))
    }

    static func encode(_ variables: [String: String]) -> String {
        Value.object(variables.mapValues { .string($0) }).jsonString()
    }

    /// The variables recorded on `pod` when its containers started, nil when none were recorded yet.
    static func recorded(in pod: Resource) -> [String: String]? {
        guard let text = pod.annotations[annotation], let value = try? JSONParser.parse(text),
            value.objectValue != nil
        else { return nil }
        return value.stringMap
    }

    /// True for Services that have a cluster IP (not headless, not ExternalName).
    static func hasClusterIP(_ service: Resource) -> Bool {
        guard let ip = service.spec?["clusterIP"]?.stringValue else { return false }
        return !ip.isEmpty && ip != "None"
    }

    /// `kubelet/envvars.FromServices` for one Service.
    private static func add(_ service: Resource, to variables: inout [String: String]) {
        let ports = service.spec?["ports"]?.arrayValue ?? []
        guard let ip = service.spec?["clusterIP"]?.stringValue, let first = ports.first?["port"]?.intValue else {
            return
        }
        let prefix = variableName(service.name)
        variables[prefix + "_SERVICE_HOST"] = ip
        variables[prefix + "_SERVICE_PORT"] = String(first)
        for port in ports {
            guard let name = port["name"]?.stringValue, !name.isEmpty, let number = port["port"]?.intValue else {
                continue
            }
            variables[prefix + "_SERVICE_PORT_" + variableName(name)] = String(number)
        }
        let host = ip.contains(":") ? "[\(ip)]" : ip
        for (index, port) in ports.enumerated() {
            guard let number = port["port"]?.intValue else { continue }
            let proto = port["protocol"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "TCP"
            let url = "\(proto.lowercased())://\(host):\(number)"
            if index == 0 { variables[prefix + "_PORT"] = url }
            let portPrefix = "\(prefix)_PORT_\(number)_\(proto.uppercased())"
            variables[portPrefix] = url
            variables[portPrefix + "_PROTO"] = proto.lowercased()
            variables[portPrefix + "_PORT"] = String(number)
            variables[portPrefix + "_ADDR"] = ip
        }
    }

    /// `my-svc` → `MY_SVC`.
    static func variableName(_ name: String) -> String {
        String(name.map { $0 == "-" ? "_" : $0 }).uppercased()
    }
}
