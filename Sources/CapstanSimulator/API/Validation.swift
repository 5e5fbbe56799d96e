import CapstanCluster
import CapstanModel

/// What the API server refuses, with Kubernetes' wording where users will recognise it.
enum Validation {
    static func validate(_ resource: Resource, existing: Resource?) throws(ClusterError) {
        let key = resource.key
        guard !resource.kind.isEmpty, !resource.apiVersion.isEmpty else {
            throw ClusterError(.invalid, key: key, "apiVersion and kind must be set")
        }
        guard !resource.name.isEmpty else { throw ClusterError(.invalid, key: key, "metadata.name must be set") }
        switch (resource.group, resource.kind) {
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"):
            try validateWorkload(resource)
            if let existing, existing.spec?["selector"] != resource.spec?["selector"] {
                throw ClusterError(.invalid, key: key, "spec.selector: Invalid value: field is immutable")
            }
            if resource.kind == "StatefulSet" { try validateStatefulSet(resource, existing: existing) }
        case ("", "Service"):
            try validateService(resource)
        case ("", "PersistentVolumeClaim"):
            try validateClaim(resource, existing: existing)
        case ("", "PersistentVolume"):
            try validateVolume(resource)
        case ("storage.k8s.io", "StorageClass"):
            try validateStorageClass(resource, existing: existing)
        case ("autoscaling", "HorizontalPodAutoscaler"):
            try validateAutoscaler(resource)
        default:
            break
        }
    }

    private static func validateWorkload(_ resource: Resource) throws(ClusterError) {
        let key = resource.key
        guard let selector = resource.spec?["selector"],
            let matchLabels = selector["matchLabels"]?.stringMap, !matchLabels.isEmpty
        else {
            throw ClusterError(.invalid, key: key, "spec.selector: Required value")
        }
        let templateLabels = resource.spec?[path: ["template", "metadata", "labels"]]?.stringMap ?? [:]
        guard matchLabels.allSatisfy({ templateLabels[$0.key] == $0.value }) else {
            throw ClusterError(
                .invalid, key: key,
                "spec.template.metadata.labels: Invalid value: selector does not match template labels")
        }
        if let replicas = resource.spec?["replicas"], (replicas.intValue ?? -1) < 0 {
            throw ClusterError(.invalid, key: key, "spec.replicas: must be greater than or equal to 0")
        }
        let containers = resource.spec?[path: ["template", "spec", "containers"]]?.arrayValue ?? []
        guard !containers.isEmpty else {
            throw ClusterError(.invalid, key: key, "spec.template.spec.containers: Required value")
        }
        for (index, container) in containers.enumerated() {
            if container["name"]?.stringValue?.isEmpty ?? true {
                throw ClusterError(.invalid, key: key, "spec.template.spec.containers[\(index)].name: Required value")
            }
            if container["image"]?.stringValue?.isEmpty ?? true {
                throw ClusterError(.invalid, key: key, "spec.template.spec.containers[\(index)].image: Required value")
            }
        }
    }

    private static func validateService(_ resource: Resource) throws(ClusterError) {
        let type = resource.spec?["type"]?.stringValue ?? "ClusterIP"
        guard type != "ExternalName" else { return }
        let ports = resource.spec?["ports"]?.arrayValue ?? []
        if ports.isEmpty && resource.spec?["clusterIP"]?.stringValue != "None" {
            throw ClusterError(.invalid, key: resource.key, "spec.ports: Required value")
        }
        for (index, port) in ports.enumerated() {
            guard let number = port["port"]?.intValue, (1...65535).contains(number) else {
                throw ClusterError(
                    .invalid, key: resource.key,
                    "spec.ports[\(index)].port: Invalid value: must be between 1 and 65535")
            }
            try validateServicePort(port, index: index, type: type, count: ports.count, key: resource.key)
        }
    }

    /// Names are required once a Service has several ports; node ports come from 30000–32767 and only for
    /// NodePort and LoadBalancer Services.
    private static func validateServicePort(_ port: Value, index: Int, type: String, count: Int, key: ResourceKey)
        throws(ClusterError)
    {
        if count > 1, port["name"]?.stringValue?.isEmpty ?? true {
            throw ClusterError(.invalid, key: key, "spec.ports[\(index)].name: Required value")
        }
        guard let nodePort = port["nodePort"]?.intValue else { return }
        guard type == "NodePort" || type == "LoadBalancer" else {
            throw ClusterError(
                .invalid, key: key, "spec.ports[\(index)].nodePort: Forbidden: may not be used when `type` is '\(type)'"
            )
        }
        guard NodePortAllocator.range.contains(nodePort) else {
            throw ClusterError(
                .invalid, key: key,
                "spec.ports[\(index)].nodePort: Invalid value: \(nodePort): provided port is not in the valid range. "
                    + "The range of valid ports is 30000-32767")
        }
    }
}
