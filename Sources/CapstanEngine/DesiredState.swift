import CapstanModel

/// Turns decoded manifests into the desired state a sync compares with the cluster.
public enum DesiredState {
    /// Normalizes each manifest, adds the config checksums of workloads (`ConfigChecksum`, when a key is given)
    /// and hashes the result, keeping the manifests' order.
    ///
    /// Duplicate keys are kept as they are; `SyncPlanner` lets the later one win.
    public static func build(_ manifests: [Manifest], checksumKey: [UInt8]? = nil) -> [DesiredResource] {
        let normalized = ConfigChecksum.annotate(
            manifests.map { ResourceNormalizer.normalize($0.resource) }, key: checksumKey)
        return zip(manifests, normalized).map { manifest, resource in
            DesiredResource(resource: resource, location: manifest.location, hash: resource.value.sha256Hex())
        }
    }
}
