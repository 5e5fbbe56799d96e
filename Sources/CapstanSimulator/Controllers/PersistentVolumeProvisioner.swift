import CapstanModel

/// Dynamic provisioning for a claim: the PersistentVolume a provisioner would create, named `pvc-<claim uid>`,
/// with the requested capacity, the claim's access modes and volume mode, and the class's reclaim policy and
/// mount options. The volume is "backed" by nothing: the simulation has no storage.
enum PersistentVolumeProvisioner {
    static let provisionedByAnnotation = "pv.kubernetes.io/provisioned-by"

    static func volume(for claim: Resource, storageClass: Resource) -> Resource {
        let name = "pvc-\(claim.uid)"
        let provisioner = storageClass.classProvisioner
        var volume = Resource(apiVersion: "v1", kind: "PersistentVolume", name: name)
        volume.annotations = [provisionedByAnnotation: provisioner]
        var spec: Value = [
            "capacity": ["storage": .string(claim.requestedStorage?.description ?? "0")],
            "accessModes": .array(claim.accessModes.map(Value.string)),
            "claimRef": claimReference(to: claim),
            "persistentVolumeReclaimPolicy": .string(storageClass.classReclaimPolicy),
            "storageClassName": .string(storageClass.name),
            "volumeMode": .string(claim.volumeMode),
            "csi": ["driver": .string(provisioner), "volumeHandle": .string(name)],
        ]
        if let options = storageClass.value["mountOptions"] { spec["mountOptions"] = options }
        volume.spec = spec
        return volume
    }

    /// `spec.claimRef` naming `claim` (an ObjectReference with its uid and resource version).
    static func claimReference(to claim: Resource) -> Value {
        [
            "apiVersion": "v1", "kind": "PersistentVolumeClaim", "namespace": .string(claim.namespace),
            "name": .string(claim.name), "uid": .string(claim.uid),
            "resourceVersion": .string(claim.resourceVersion),
        ]
    }
}
