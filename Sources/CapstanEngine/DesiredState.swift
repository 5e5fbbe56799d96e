import CapstanModel

/// Turns decoded manifests into the desired state a sync compares with the cluster.
public enum DesiredState {
    /// Normalizes each manifest, adds the config checksums of workloads (`ConfigChecksum`, when a key is given)
    /// and hashes the result, keeping the manifests' order. With a key, Secrets and ConfigMaps get a keyed hash
    /// (HMAC-SHA256): the hash is stored in the inventory, and a plain one would let a reader of the state test
    /// guesses of a short value.
    ///
    /// Duplicate keys are kept as they are; `SyncPlanner` lets the later one win.
    public static func build(_ manifests: [Manifest], checksumKey: [UInt8]? = nil) -> [DesiredResource] {
        let normalized = ConfigChecksum.annotate(
            manifests.map { ResourceNormalizer.normalize($0.resource) }, key: checksumKey)
        return zip(manifests, normalized).map { manifest, resource in
            let hash =
                if let checksumKey, !checksumKey.isEmpty, holdsConfigurationData(resource) {
                    resource.value.hmacSHA256Hex(key: checksumKey)
                } else {
                    resource.value.sha256Hex()
                }
            return DesiredResource(resource: resource, location: manifest.location, hash: hash)
        }
    }

    /// Secrets and ConfigMaps: the kinds whose data is kept from readers of the state.
    static func holdsConfigurationData(_ resource: Resource) -> Bool {
        resource.group.isEmpty && (resource.kind == "Secret" || resource.kind == "ConfigMap")
    }
}
