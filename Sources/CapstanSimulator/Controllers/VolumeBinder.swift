import CapstanModel

/// Binds PersistentVolumeClaims to PersistentVolumes, provisioning them through the default StorageClass.
struct VolumeBinder: Controller {
    let id = ControllerID.volumeBinder

    mutating func keys(for change: ObjectChange, in plane: ControlPlane) -> [ResourceKey] {
        []
    }

    mutating func reconcile(_ key: ResourceKey, in plane: inout ControlPlane) {
    }
}
