import CapstanModel

/// The API server's defaults for storage objects (core/v1 and storage.k8s.io/v1 `SetDefaults_…`).
extension Defaulting {
    /// Claims start Pending with a Filesystem volume mode. The default StorageClass is given by the volume
    /// binder (retroactive assignment), which needs the cluster's classes.
    static func defaultClaim(_ value: inout Value) {
        setIfAbsent(&value, ["spec", "volumeMode"], "Filesystem")
        setIfAbsent(&value, ["status", "phase"], "Pending")
    }

    /// Volumes made by hand are retained when released; they start Pending until the binder sees them.
    static func defaultVolume(_ value: inout Value) {
        setIfAbsent(&value, ["spec", "persistentVolumeReclaimPolicy"], "Retain")
        setIfAbsent(&value, ["spec", "volumeMode"], "Filesystem")
        setIfAbsent(&value, ["status", "phase"], "Pending")
    }

    static func defaultStorageClass(_ value: inout Value) {
        setIfAbsent(&value, ["reclaimPolicy"], "Delete")
        setIfAbsent(&value, ["volumeBindingMode"], "Immediate")
    }
}
