import CapstanModel

/// The ConfigMaps and Secrets a pod template uses: env `valueFrom` and `envFrom` of every container and init
/// container, and `configMap`, `secret` and projected volumes.
enum PodTemplateReferences {
    static func of(_ template: Value, namespace: String) -> Set<ResourceKey> {
        var names: Set<ResourceKey> = []
        func add(_ kind: String, _ name: Value?) {
            guard let name = name?.stringValue, !name.isEmpty else { return }
            names.insert(ResourceKey(group: "", kind: kind, namespace: namespace, name: name))
        }
        let spec = template["spec"] ?? [:]
        let containers = (spec["containers"]?.arrayValue ?? []) + (spec["initContainers"]?.arrayValue ?? [])
        for container in containers {
            for variable in container["env"]?.arrayValue ?? [] {
                add("ConfigMap", variable[path: ["valueFrom", "configMapKeyRef", "name"]])
                add("Secret", variable[path: ["valueFrom", "secretKeyRef", "name"]])
            }
            for source in container["envFrom"]?.arrayValue ?? [] {
                add("ConfigMap", source[path: ["configMapRef", "name"]])
                add("Secret", source[path: ["secretRef", "name"]])
            }
        }
        for volume in spec["volumes"]?.arrayValue ?? [] {
            add("ConfigMap", volume[path: ["configMap", "name"]])
            add("Secret", volume[path: ["secret", "secretName"]])
            for source in volume[path: ["projected", "sources"]]?.arrayValue ?? [] {
                add("ConfigMap", source[path: ["configMap", "name"]])
                add("Secret", source[path: ["secret", "name"]])
            }
        }
        return names
    }
}
