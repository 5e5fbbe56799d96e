import CapstanModel

/// The host-network port convention: a container listens on its pod's `PORT`, and every reference to one of
/// the ports it declares (`containerPort`, by number or name) means that port. Other numbers are used as written.
enum ContainerPorts {
    /// The host port that `reference` (a number or a port name, from a probe or a Service's `targetPort`) of
    /// `container` means for a pod whose port is `podPort`; nil for an unknown name.
    static func resolve(_ reference: Value?, container: Value, podPort: Int) -> Int? {
        let declared = container["ports"]?.arrayValue ?? []
        if let name = reference?.stringValue, Int(name) == nil {
            return declared.contains { $0["name"]?.stringValue == name } ? podPort : nil
        }
        guard let number = reference?.intValue ?? reference?.stringValue.flatMap({ Int($0) }) else { return podPort }
        if declared.isEmpty || declared.contains(where: { $0["containerPort"]?.intValue == number }) {
            return declared.isEmpty && number != podPort ? number : podPort
        }
        return number
    }
}
