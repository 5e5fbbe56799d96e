import CapstanModel

/// The downward API for environment variables: `fieldRef` paths of the pod and `resourceFieldRef` of a
/// container's resources.
enum PodFieldReference {
    /// The value of a `fieldRef.fieldPath`, nil when the path is not one Kubernetes supports for env.
    static func value(of path: String, in pod: Resource) -> String? {
        switch path {
        case "metadata.name": return pod.name
        case "metadata.namespace": return pod.namespace
        case "metadata.uid": return pod.value[path: ["metadata", "uid"]]?.stringValue ?? ""
        case "spec.nodeName": return pod.spec?["nodeName"]?.stringValue ?? ""
        case "spec.serviceAccountName": return pod.spec?["serviceAccountName"]?.stringValue ?? "default"
        case "status.hostIP": return pod.status?["hostIP"]?.stringValue ?? ""
        case "status.podIP": return pod.status?["podIP"]?.stringValue ?? ""
        default: break
        }
        for (prefix, field) in [("metadata.labels['", "labels"), ("metadata.annotations['", "annotations")]
        where path.hasPrefix(prefix) && path.hasSuffix("']") {
            let key = String(path.dropFirst(prefix.count).dropLast(2))
            return pod.value[path: ["metadata", field, key]]?.stringValue ?? ""
        }
        return nil
    }

    /// A `resourceFieldRef` (`limits.cpu`, `requests.memory`, …) divided by its `divisor` and rounded up, as the
    /// kubelet does; a limit that is not set is reported as unset (empty), not as the node's capacity.
    static func resource(_ reference: Value, container: Value, variable: String) throws(PodEnvironmentError)
        -> String
    {
        let resource = reference["resource"]?.stringValue ?? ""
        let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["limits", "requests"].contains(parts[0]),
            ["cpu", "memory", "ephemeral-storage"].contains(parts[1])
        else {
            throw PodEnvironmentError("env \(variable): unsupported resourceFieldRef \(resource)")
        }
        guard let quantity = container[path: ["resources", parts[0], parts[1]]].flatMap(Quantity.init) else {
            return ""
        }
        let divisor = reference["divisor"].flatMap(Quantity.init) ?? Quantity(milliValue: 1000)
        guard divisor.milliValue > 0 else { throw PodEnvironmentError("env \(variable): divisor must be positive") }
        let quotient = (quantity.milliValue + divisor.milliValue - 1) / divisor.milliValue
        return String(quotient)
    }
}
