import CapstanCluster
import CapstanModel

/// What the API server refuses for claims, volumes and StorageClasses.
extension Validation {
    static let accessModes: Set<String> = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    static func validateClaim(_ claim: Resource, existing: Resource?) throws(ClusterError) {
        try validateClaimSpec(claim.spec ?? [:], path: "spec", key: claim.key)
        guard let existing else { return }
        // The spec is immutable but for the storage request (expansion); fields the manifest leaves out
        // (volumeName, a defaulted storageClassName) are the server's and not compared.
        let old = existing.spec?.objectValue ?? [:]
        for (field, value) in claim.spec?.objectValue ?? [:]
        where !["resources", "volumeAttributesClassName"].contains(field) && old[field] != value {
            throw ClusterError(
                .invalid, key: claim.key,
                "spec: Forbidden: spec is immutable after creation except resources.requests and "
                    + "volumeAttributesClassName for bound claims")
        }
        if let before = existing.requestedStorage, let after = claim.requestedStorage, after < before {
            throw ClusterError(
                .invalid, key: claim.key,
                "spec.resources.requests.storage: Forbidden: field can not be less than previous value")
        }
    }

    /// Access modes and a storage request, for claims and StatefulSet claim templates.
    static func validateClaimSpec(_ spec: Value, path: String, key: ResourceKey) throws(ClusterError) {
        let modes = (spec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !modes.isEmpty else {
            throw ClusterError(
                .invalid, key: key, "\(path).accessModes: Required value: at least 1 access mode is required")
        }
        if let unsupported = modes.first(where: { !accessModes.contains($0) }) {
            throw ClusterError(
                .invalid, key: key,
                "\(path).accessModes: Unsupported value: \"\(unsupported)\": supported values: "
                    + accessModes.sorted().map { "\"\($0)\"" }.joined(separator: ", "))
        }
        guard let storage = spec[path: ["resources", "requests", "storage"]] else {
            throw ClusterError(.invalid, key: key, "\(path).resources[storage]: Required value")
        }
        guard Quantity(storage) != nil else {
            throw ClusterError(.invalid, key: key, "\(path).resources.requests.storage: Invalid value: not a quantity")
        }
    }

    static func validateVolume(_ volume: Resource) throws(ClusterError) {
        guard let capacity = volume.spec?[path: ["capacity", "storage"]] else {
            throw ClusterError(.invalid, key: volume.key, "spec.capacity: Required value")
        }
        guard Quantity(capacity) != nil else {
            throw ClusterError(.invalid, key: volume.key, "spec.capacity.storage: Invalid value: not a quantity")
        }
        guard !volume.accessModes.isEmpty else {
            throw ClusterError(.invalid, key: volume.key, "spec.accessModes: Required value")
        }
        let policy = volume.spec?["persistentVolumeReclaimPolicy"]?.stringValue ?? "Retain"
        guard ["Delete", "Recycle", "Retain"].contains(policy) else {
            throw ClusterError(
                .invalid, key: volume.key,
                "spec.persistentVolumeReclaimPolicy: Unsupported value: \"\(policy)\": supported values: "
                    + "\"Delete\", \"Recycle\", \"Retain\"")
        }
    }

    static func validateStorageClass(_ storageClass: Resource, existing: Resource?) throws(ClusterError) {
        let key = storageClass.key
        guard !storageClass.classProvisioner.isEmpty else {
            throw ClusterError(.invalid, key: key, "provisioner: Required value")
        }
        let policy = storageClass.classReclaimPolicy
        guard ["Delete", "Retain"].contains(policy) else {
            throw ClusterError(
                .invalid, key: key,
                "reclaimPolicy: Unsupported value: \"\(policy)\": supported values: \"Delete\", \"Retain\"")
        }
        let mode = storageClass.classBindingMode
        guard ["Immediate", "WaitForFirstConsumer"].contains(mode) else {
            throw ClusterError(
                .invalid, key: key,
                "volumeBindingMode: Unsupported value: \"\(mode)\": supported values: "
                    + "\"Immediate\", \"WaitForFirstConsumer\""
            )
        }
        guard let existing else { return }
        for field in ["parameters", "provisioner", "reclaimPolicy", "volumeBindingMode"]
        where existing.value[field] != storageClass.value[field] {
            throw ClusterError(.invalid, key: key, "\(field): Forbidden: updates to \(field) are forbidden.")
        }
    }
}
