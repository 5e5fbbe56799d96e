import CapstanModel

/// The volume side of the PersistentVolume controller (`syncVolume`): phases and reclaiming.
extension VolumeBinder {
    /// Available without a claim, Bound while its claim exists; once the claim is gone the reclaim policy
    /// applies: `Delete` deletes the volume, `Retain` leaves it Released (an administrator must clear its
    /// claimRef), `Recycle` makes it Available again.
    func reconcileVolume(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard var volume = plane.store[key], !volume.isTerminating else { return }
        if volume.claimReference == nil, let ref = droppedBindings[key], let claim = liveClaim(ref, plane.store) {
            // Still bound: the claimRef was only dropped by applying the volume's manifest again.
            volume.value[path: ["spec", "claimRef"]] = PersistentVolumeProvisioner.claimReference(to: claim)
        }
        guard let ref = volume.claimReference, !ref.uid.isEmpty else {
            volume.setVolumePhase("Available", at: plane.timestamp)
            plane.store.update(volume)
            return
        }
        let claim = plane.store[Resource.claimKey(namespace: ref.namespace, name: ref.name)]
        if let claim, claim.uid == ref.uid {
            volume.setVolumePhase("Bound", at: plane.timestamp)
            plane.store.update(volume)
            return
        }
        switch volume.spec?["persistentVolumeReclaimPolicy"]?.stringValue ?? "Retain" {
        case "Delete":
            plane.store.delete(key)
        case "Recycle":
            volume.value[path: ["spec", "claimRef"]] = nil
            volume.setVolumePhase("Available", at: plane.timestamp)
            plane.store.update(volume)
        default:
            volume.setVolumePhase("Released", at: plane.timestamp)
            plane.store.update(volume)
        }
    }

    /// The Bound claim a dropped claimRef named, if it still exists with the same uid.
    private func liveClaim(_ ref: Value, _ store: ObjectStore) -> Resource? {
        guard let name = ref["name"]?.stringValue,
            let claim = store[Resource.claimKey(namespace: ref["namespace"]?.stringValue ?? "default", name: name)],
            claim.uid == ref["uid"]?.stringValue, claim.storagePhase == "Bound"
        else { return nil }
        return claim
    }
}
