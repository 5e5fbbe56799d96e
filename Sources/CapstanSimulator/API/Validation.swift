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
        case ("", "Service"):
            try validateService(resource)
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
        }
    }
}
