import CapstanModel

/// The claim side of the PersistentVolume controller (`syncClaim`): default class, binding, provisioning.
extension VolumeBinder {
    func reconcileClaim(_ key: ResourceKey, in plane: inout ControlPlane) {
        guard var claim = plane.store[key], !claim.isTerminating else { return }
        if claim.storagePhase == "Bound" {
            syncBoundClaim(claim, &plane)
            return
        }
        guard claim.storagePhase != "Lost" else { return }
        // Retroactive default StorageClass assignment (Kubernetes 1.28+), what DefaultStorageClass admission
        // does at creation: a claim without a class gets the default one.
        if claim.storageClassName == nil, let defaultClass = StorageClasses.defaultClass(in: plane.store) {
            claim.value[path: ["spec", "storageClassName"]] = .string(defaultClass.name)
            plane.store.update(claim)
            claim = plane.store[key] ?? claim
        }
        let className = claim.storageClassName ?? ""
        if let wanted = claim.boundVolumeName {
            bindRequested(claim, volumeName: wanted, className: className, &plane)
            return
        }
        if let volume = PersistentVolumeMatcher.bestMatch(for: claim, className: className, in: plane.store) {
            bind(claim, to: volume, &plane)
            return
        }
        guard !className.isEmpty else {
            wait(
                claim, .normal, "FailedBinding",
                "no persistent volumes available for this claim and no storage class is set",
                &plane)
            return
        }
        guard let storageClass = StorageClasses.named(className, in: plane.store) else {
            wait(
                claim, .warning, "ProvisioningFailed", "storageclass.storage.k8s.io \"\(className)\" not found", &plane)
            return
        }
        if storageClass.classProvisioner == StorageClasses.noProvisioner {
            let message =
                "waiting for a volume to be created, either by external provisioner "
                + "\"\(StorageClasses.noProvisioner)\" or manually created by system administrator"
            wait(claim, .normal, "ExternalProvisioning", message, &plane)
            return
        }
        if storageClass.classBindingMode == "WaitForFirstConsumer", !hasConsumer(claim, plane.store) {
            wait(
                claim, .normal, "WaitForFirstConsumer", "waiting for first consumer to be created before binding",
                &plane)
            return
        }
        provision(claim, storageClass, &plane)
    }

    /// A bound claim stays bound to its volume; if the volume is gone (or bound to another claim) it is Lost.
    private func syncBoundClaim(_ claim: Resource, _ plane: inout ControlPlane) {
        // A manifest applied again may have dropped spec.volumeName: the volume's claimRef still says who it is.
        let name =
            claim.boundVolumeName ?? droppedBindings[claim.key]?.stringValue
            ?? plane.store.list(group: "", kind: "PersistentVolume").first { $0.claimReference?.uid == claim.uid }?.name
        guard let name, let volume = plane.store[Resource.volumeKey(name)] else {
            markLost(
                claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!", &plane)
            return
        }
        if volume.claimReference == nil {
            // The volume came unbound (e.g. its manifest was applied again without claimRef): bind it again.
            bind(claim, to: volume, &plane)
            return
        }
        guard volume.claimReference?.uid == claim.uid else {
            markLost(
                claim, "ClaimMisbound", "Two claims are bound to the same volume, this one is bound incorrectly", &plane
            )
            return
        }
        markBound(claim, to: expand(volume, for: claim, &plane), &plane)
    }

    /// Grows the volume to a larger request when its class allows expansion (done at once: nothing to resize).
    private func expand(_ volume: Resource, for claim: Resource, _ plane: inout ControlPlane) -> Resource {
        guard let wanted = claim.requestedStorage, let capacity = volume.volumeCapacity, wanted > capacity else {
            return volume
        }
        let storageClass = StorageClasses.named(volume.storageClassName ?? "", in: plane.store)
        guard storageClass?.value["allowVolumeExpansion"]?.boolValue == true else {
            let message =
                "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must "
                + "support resize"
            plane.recordEvent(claim, type: .warning, reason: "VolumeResizeFailed", message: message)
            return volume
        }
        var volume = volume
        volume.value[path: ["spec", "capacity", "storage"]] = .string(wanted.description)
        plane.store.update(volume)
        plane.recordEvent(claim, reason: "VolumeResizeSuccessful", message: "Resize volume succeeded")
        return plane.store[volume.key] ?? volume
    }

    /// A claim that names its volume (`spec.volumeName`) binds to that volume only.
    private func bindRequested(_ claim: Resource, volumeName: String, className: String, _ plane: inout ControlPlane) {
        guard let volume = plane.store[Resource.volumeKey(volumeName)] else {
            wait(claim, .normal, "FailedBinding", "volume \"\(volumeName)\" not found", &plane)
            return
        }
        if let ref = volume.claimReference,
            ref.namespace != claim.namespace || ref.name != claim.name || !(ref.uid.isEmpty || ref.uid == claim.uid)
        {
            wait(
                claim, .warning, "FailedBinding", "volume \"\(volumeName)\" already bound to a different claim.", &plane
            )
            return
        }
        let mismatch: String? =
            (volume.volumeCapacity ?? .zero) < (claim.requestedStorage ?? .zero)
            ? "requested PV is too small"
            : (volume.storageClassName ?? "") != className
                ? "storageClassName does not match"
                : !Set(claim.accessModes).isSubset(of: Set(volume.accessModes)) ? "incompatible accessMode" : nil
        if let mismatch {
            wait(
                claim, .warning, "VolumeMismatch", "Cannot bind to requested volume \"\(volumeName)\": \(mismatch)",
                &plane)
            return
        }
        bind(claim, to: volume, &plane)
    }

    private func bind(_ claim: Resource, to volume: Resource, _ plane: inout ControlPlane) {
        var volume = volume
        if volume.claimReference?.uid != claim.uid {
            if volume.claimReference == nil { volume.annotations[Self.boundByControllerAnnotation] = "yes" }
            volume.value[path: ["spec", "claimRef"]] = PersistentVolumeProvisioner.claimReference(to: claim)
        }
        volume.setVolumePhase("Bound", at: plane.timestamp)
        plane.store.update(volume)
        markBound(claim, to: plane.store[volume.key] ?? volume, &plane)
    }

    private func provision(_ claim: Resource, _ storageClass: Resource, _ plane: inout ControlPlane) {
        var claim = claim
        claim.annotations[Self.provisionerAnnotation] = storageClass.classProvisioner
        claim.annotations[Self.betaProvisionerAnnotation] = storageClass.classProvisioner
        var volume = PersistentVolumeProvisioner.volume(for: claim, storageClass: storageClass)
        volume.setVolumePhase("Bound", at: plane.timestamp)
        plane.createObject(volume)
        plane.recordEvent(
            claim, reason: "ProvisioningSucceeded", message: "Successfully provisioned volume \(volume.name)")
        markBound(claim, to: plane.store[volume.key] ?? volume, &plane)
    }

    /// Writes the claim's side of a binding: `spec.volumeName`, the bind annotations and the Bound status
    /// with the volume's capacity and access modes.
    private func markBound(_ claim: Resource, to volume: Resource, _ plane: inout ControlPlane) {
        var claim = claim
        if claim.boundVolumeName == nil {
            claim.value[path: ["spec", "volumeName"]] = .string(volume.name)
            claim.annotations[Self.boundByControllerAnnotation] = "yes"
        }
        if claim.storageClassName == nil, let className = volume.storageClassName {
            claim.value[path: ["spec", "storageClassName"]] = .string(className)
        }
        claim.annotations[Self.bindCompletedAnnotation] = "yes"
        claim.status = [
            "phase": "Bound",
            "accessModes": .array(volume.accessModes.map(Value.string)),
            "capacity": volume.spec?["capacity"] ?? [:],
        ]
        plane.store.update(claim)
    }

    private func markLost(_ claim: Resource, _ reason: String, _ message: String, _ plane: inout ControlPlane) {
        var claim = claim
        claim.value[path: ["status", "phase"]] = "Lost"
        if plane.store.update(claim) { plane.recordEvent(claim, type: .warning, reason: reason, message: message) }
    }

    /// Leaves the claim Pending, with an event saying why.
    private func wait(
        _ claim: Resource, _ type: EventRecorder.EventType, _ reason: String, _ message: String,
        _ plane: inout ControlPlane
    ) {
        var claim = claim
        claim.value[path: ["status", "phase"]] = "Pending"
        plane.store.update(claim)
        plane.recordEvent(claim, type: type, reason: reason, message: message)
    }

    /// True when a pod that is not finished mounts the claim (WaitForFirstConsumer).
    private func hasConsumer(_ claim: Resource, _ store: ObjectStore) -> Bool {
        store.list(group: "", kind: "Pod", namespace: claim.namespace).contains { pod in
            !pod.isPodTerminated && PodVolumeClaims.names(pod).contains(claim.name)
        }
    }
}
