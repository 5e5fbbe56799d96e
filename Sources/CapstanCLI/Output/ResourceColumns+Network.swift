import CapstanModel
import Foundation

extension ResourceColumns {
    static func services(wide: Bool) -> ResourceColumns {
        let headers = ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"] + (wide ? ["SELECTOR"] : [])
        return ResourceColumns(headers: headers) { s, now in
            let clusterIP =
                s.value[path: ["spec", "clusterIPs"]]?.arrayValue?.first?.stringValue
                ?? string(s, "spec", "clusterIP")
            let ports = servicePorts(s)
            let row = [
                s.name, string(s, "spec", "type") ?? "ClusterIP", nonEmpty(clusterIP), externalIP(s),
                ports.isEmpty ? "<none>" : ports, Age.of(s, now: now),
            ]
            return wide ? row + [labels(s.value[path: ["spec", "selector"]]?.stringMap ?? [:])] : row
        }
    }

    static func endpoints() -> ResourceColumns {
        ResourceColumns(headers: ["NAME", "ENDPOINTS", "AGE"]) { e, now in
            [e.name, endpointList(e, portName: nil), Age.of(e, now: now)]
        }
    }

    /// `80/TCP,443:30443/TCP`.
    static func servicePorts(_ service: Resource) -> String {
        (service.value[path: ["spec", "ports"]]?.arrayValue ?? []).map { port in
            let number = port["port"]?.intValue.map(String.init) ?? "?"
            let proto = port["protocol"]?.stringValue ?? "TCP"
            if let nodePort = port["nodePort"]?.intValue, nodePort > 0 { return "\(number):\(nodePort)/\(proto)" }
            return "\(number)/\(proto)"
        }.joined(separator: ",")
    }

    /// EXTERNAL-IP: external IPs, load-balancer ingress (`<pending>` until there is one), or the external name.
    static func externalIP(_ service: Resource) -> String {
        let external = (service.value[path: ["spec", "externalIPs"]]?.arrayValue ?? []).compactMap(\.stringValue)
        switch string(service, "spec", "type") ?? "ClusterIP" {
        case "ClusterIP", "NodePort": return external.isEmpty ? "<none>" : external.joined(separator: ",")
        case "LoadBalancer":
            let ingress = (service.value[path: ["status", "loadBalancer", "ingress"]]?.arrayValue ?? []).compactMap {
                $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue
            }
            let all = ingress + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName": return string(service, "spec", "externalName") ?? ""
        default: return "<unknown>"
        }
    }

    /// kubectl's `formatEndpoints`: the first three `ip:port`, then `+ N more...`; `<none>` without subsets.
    /// `portName` limits the list to one named port (as `describe service` does per port).
    static func endpointList(_ endpoints: Resource, portName: String?) -> String {
        let subsets = endpoints.value["subsets"]?.arrayValue ?? []
        guard !subsets.isEmpty else { return "<none>" }
        let maximum = 3
        var list: [String] = []
        var count = 0
        for subset in subsets {
            let addresses = (subset["addresses"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }
            let ports = subset["ports"]?.arrayValue ?? []
            if ports.isEmpty {
                count += addresses.count
                list += addresses.prefix(max(maximum - list.count, 0))
                continue
            }
            for port in ports where portName == nil || (port["name"]?.stringValue ?? "") == portName {
                count += addresses.count
                let number = port["port"]?.intValue.map(String.init) ?? ""
                for address in addresses.prefix(max(maximum - list.count, 0)) {
                    list.append(address.contains(":") ? "[\(address)]:\(number)" : "\(address):\(number)")
                }
            }
        }
        let joined = list.joined(separator: ",")
        return count > maximum ? "\(joined) + \(count - maximum) more..." : joined
    }
}
