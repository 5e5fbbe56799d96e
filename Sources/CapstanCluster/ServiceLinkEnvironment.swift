import CapstanModel
import Foundation

/// Kubernetes' Service discovery through environment variables (pkg/kubelet/envvars): a container gets
/// `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT` and the Docker-links `NAME_PORT_…` family for every Service of its
/// pod's namespace that exists when the container starts. Only Services with a cluster IP count (not headless,
/// not ExternalName); `spec.enableServiceLinks: false` leaves out all but the master Service `default/kubernetes`.
///
/// The variables are a function of the Services and the start time, so backends compute them when they are asked
/// for instead of storing them per pod (with N Services and N pods in a namespace, stored copies grow as N²).
public enum ServiceLinkEnvironment {
    /// The Services whose variables every pod gets, even with `enableServiceLinks: false` (the kubelet's
    /// "master services").
    public static let masterServices: Set<String> = ["kubernetes"]
    public static let masterServiceNamespace = "default"

    /// The variables of a container of `pod` that started at `startedAt` (now when nil). `services` holds the
    /// Services of the pod's namespace and of `default` (others are ignored); a Service counts only when its
    /// `creationTimestamp` is not after `startedAt`.
    public static func variables(for pod: Resource, services: [Resource], startedAt: Date? = nil) -> [String: String] {
        let namespace = pod.namespace.isEmpty ? "default" : pod.namespace
        let enableServiceLinks = pod.spec?["enableServiceLinks"]?.boolValue ?? true
        let startedAtMS = startedAt.map(milliseconds)
        var chosen: [String: Resource] = [:]
        var ownNamespace: [String: Resource] = [:]
        for service in services where service.group.isEmpty && service.kind == "Service" && hasClusterIP(service) {
            if let startedAtMS, let created = createdMS(service), created > startedAtMS { continue }
            if service.namespace == masterServiceNamespace && masterServices.contains(service.name) {
                chosen[service.name] = service
            }
            if enableServiceLinks && service.namespace == namespace { ownNamespace[service.name] = service }
        }
        // A Service of the pod's own namespace wins over a master Service of the same name.
        chosen.merge(ownNamespace) { _, own in own }
        var variables: [String: String] = [:]
        for service in chosen.values { add(service, to: &variables) }
        return variables
    }

    /// True for Services that have a cluster IP (not headless, not ExternalName).
    public static func hasClusterIP(_ service: Resource) -> Bool {
        guard let ip = service.spec?["clusterIP"]?.stringValue else { return false }
        return !ip.isEmpty && ip != "None"
    }

    /// `my-svc` → `MY_SVC`.
    public static func variableName(_ name: String) -> String {
        String(name.map { $0 == "-" ? "_" : $0 }).uppercased()
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

    private static func createdMS(_ service: Resource) -> Int64? {
        service.value[path: ["metadata", "creationTimestamp"]]?.stringValue.flatMap(CapstanJSON.parseTimestamp).map(
            milliseconds)
    }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
