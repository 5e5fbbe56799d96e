import CapstanModel
import Crypto

/// Roll a workload out when the ConfigMaps or Secrets it uses change in git (what Helm's `checksum/config`
/// annotation and Reloader do): each Deployment, StatefulSet and DaemonSet whose pod template references
/// ConfigMaps or Secrets of the same commit (env `valueFrom`, `envFrom`, `configMap`/`secret` and projected
/// volumes) gets the annotation `capstan.io/config-checksum` on its pod template. A changed value changes the
/// template, and so starts a rollout.
///
/// The checksum is an HMAC-SHA256 keyed by the service (not a plain hash, which anyone could test guesses of
/// a short Secret value against); without a key nothing is annotated.
public enum ConfigChecksum {
    public static let annotation = "capstan.io/config-checksum"

    /// `resources` with the annotation set on every workload that references ConfigMaps or Secrets among them.
    public static func annotate(_ resources: [Resource], key: [UInt8]?) -> [Resource] {
        guard let key, !key.isEmpty else { return resources }
        var digests: [ResourceKey: String] = [:]
        for resource in resources
        where resource.group.isEmpty && (resource.kind == "ConfigMap" || resource.kind == "Secret") {
            let data: Value = [
                "data": resource.value["data"] ?? .null, "binaryData": resource.value["binaryData"] ?? .null,
            ]
            digests[resource.key] = data.sha256Hex()
        }
        guard !digests.isEmpty else { return resources }
        let symmetricKey = SymmetricKey(data: key)
        return resources.map { resource in
            guard resource.group == "apps", ["Deployment", "StatefulSet", "DaemonSet"].contains(resource.kind),
                let template = resource.value[path: ["spec", "template"]]
            else { return resource }
            let referenced = PodTemplateReferences.of(template, namespace: resource.namespace).filter {
                digests[$0] != nil
            }
            guard !referenced.isEmpty else { return resource }
            let input = referenced.sorted { $0.id < $1.id }.map { "\($0.id)=\(digests[$0]!)\n" }.joined()
            let mac = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: symmetricKey)
            var annotated = resource
            var annotations = template[path: ["metadata", "annotations"]]?.objectValue ?? [:]
            annotations[annotation] = .string(HexText.lowercase(Array(mac)))
            annotated.value[path: ["spec", "template", "metadata", "annotations"]] = .object(annotations)
            return annotated
        }
    }
}
