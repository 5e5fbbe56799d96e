import CapstanModel

/// Turns decoded manifests into the desired state a sync compares with the cluster.
public enum DesiredState {
    /// Normalizes each manifest and hashes the result, keeping the manifests' order.
    ///
    /// Duplicate keys are kept as they are; `SyncPlanner` lets the later one win.
    public static func build(_ manifests: [Manifest]) -> [DesiredResource] {
        manifests.map { manifest in
            let normalized = ResourceNormalizer.normalize(manifest.resource)
            return DesiredResource(
                resource: normalized,
                location: manifest.location,
                hash: normalized.value.sha256Hex()
            )
        }
    }
}
