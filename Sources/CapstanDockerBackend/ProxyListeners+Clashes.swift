import CapstanModel
import CapstanProxy

/// Services that ask for the same port on the proxy address: one listener per address and port.
extension ProxyListeners {
    /// Keeps one listener per host and port: the one `serving` already has, else the oldest Service's
    /// (`creationTimestamp`, then namespace and name); the others are returned as clashes.
    static func resolveClashes(_ listeners: [ProxyListener], services: [Resource], serving: Set<String>)
        -> (served: [ProxyListener], clashes: [PortClash])
    {
        var created: [String: String] = [:]
        var keys: [String: ResourceKey] = [:]
        for service in services {
            let id = "\(service.namespace)/\(service.name)"
            created[id] = service.value[path: ["metadata", "creationTimestamp"]]?.stringValue ?? ""
            keys[id] = service.key
        }
        func serviceID(_ listener: ProxyListener) -> String {
            listener.name.split(separator: ":").dropLast().joined(separator: ":")
        }
        func rank(_ listener: ProxyListener) -> (Int, String, String) {
            (serving.contains(listener.name) ? 0 : 1, created[serviceID(listener)] ?? "", listener.name)
        }
        var byAddress: [String: [ProxyListener]] = [:]
        for listener in listeners { byAddress["\(listener.host) \(listener.port)", default: []].append(listener) }
        var served: [ProxyListener] = []
        var clashes: [PortClash] = []
        for group in byAddress.values {
            let ordered = group.sorted { rank($0) < rank($1) }
            served.append(ordered[0])
            for loser in ordered.dropFirst() {
                guard let key = keys[serviceID(loser)] else { continue }
                clashes.append(
                    PortClash(
                        service: key, listener: loser.name, host: loser.host, port: loser.port,
                        heldBy: ordered[0].name))
            }
        }
        return (served.sorted { $0.name < $1.name }, clashes.sorted { $0.listener < $1.listener })
    }
}
