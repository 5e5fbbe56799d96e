import CapstanModel

/// Finds the PersistentVolume an unbound claim binds to (the PV controller's `FindMatchingVolume`): a volume
/// pre-bound to the claim wins if it is big enough; otherwise the smallest Available, unclaimed volume of the
/// claim's class and volume mode whose access modes include the claim's, whose capacity covers the request and
/// whose labels match the claim's selector.
enum PersistentVolumeMatcher {
    static func bestMatch(for claim: Resource, className: String, in store: ObjectStore) -> Resource? {
        let requested = claim.requestedStorage ?? .zero
        let wantedModes = Set(claim.accessModes)
        let selector = claim.spec?["selector"].map { LabelSelector($0) }
        var smallest: (volume: Resource, capacity: Quantity)?
        for volume in store.list(group: "", kind: "PersistentVolume") {
            guard volume.volumeMode == claim.volumeMode, !volume.isTerminating else { continue }
            let capacity = volume.volumeCapacity ?? .zero
            if let ref = volume.claimReference {
                // Pre-bound to this claim by name (and uid, if set): take it when it is large enough.
                if ref.namespace == claim.namespace, ref.name == claim.name, ref.uid.isEmpty || ref.uid == claim.uid,
                    capacity >= requested
                {
                    return volume
                }
                continue
            }
            guard ["", "Pending", "Available"].contains(volume.storagePhase),
                (volume.storageClassName ?? "") == className,
                wantedModes.isSubset(of: Set(volume.accessModes)),
                selector?.matches(volume.labels) ?? true,
                capacity >= requested
            else { continue }
            if smallest == nil || capacity < smallest!.capacity { smallest = (volume, capacity) }
        }
        return smallest?.volume
    }
}
