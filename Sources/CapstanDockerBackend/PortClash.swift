import CapstanModel

/// A Service port that is not served because another Service already has the same port on the proxy address
/// (like a NodePort clash): the Service, its listener and the listener that holds the port.
struct PortClash: Hashable, Sendable {
    var service: ResourceKey
    var listener: String
    var host: String
    var port: Int
    /// The listener that is served on the port, e.g. `default/web:8080`.
    var heldBy: String

    var message: String {
        let owner = heldBy.split(separator: ":").dropLast().joined(separator: ":")
        return "Port \(port) on \(host) is served for Service \(owner): port \(port) of this Service is not served "
            + "until it is free"
    }
}
