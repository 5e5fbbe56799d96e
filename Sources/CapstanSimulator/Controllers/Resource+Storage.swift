import CapstanModel
import Foundation

/// Reading PersistentVolumeClaims and PersistentVolumes.
extension Resource {
    /// `spec.storageClassName`: nil when unset (the default class applies), `""` for "no class".
    var storageClassName: String? { spec?["storageClassName"]?.stringValue }

    /// `spec.accessModes`.
    var accessModes: [String] { (spec?["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue) }

    /// `spec.volumeMode`, `Filesystem` when unset.
    var volumeMode: String { spec?["volumeMode"]?.stringValue ?? "Filesystem" }

    /// A claim's `spec.resources.requests.storage`.
    var requestedStorage: Quantity? { spec?[path: ["resources", "requests", "storage"]].flatMap(Quantity.init) }

    /// A volume's `spec.capacity.storage`.
    var volumeCapacity: Quantity? { spec?[path: ["capacity", "storage"]].flatMap(Quantity.init) }

    /// `status.phase` of a claim or volume, empty when not set yet.
    var storagePhase: String { status?["phase"]?.stringValue ?? "" }

    /// A claim's `spec.volumeName`, nil when unset or empty.
    var boundVolumeName: String? {
        guard let name = spec?["volumeName"]?.stringValue, !name.isEmpty else { return nil }
        return name
    }

    /// A volume's `spec.claimRef`, as `(namespace, name, uid)`; uid is empty for a volume pre-bound by name.
    var claimReference: (namespace: String, name: String, uid: String)? {
        guard let ref = spec?["claimRef"], let name = ref["name"]?.stringValue else { return nil }
        return (ref["namespace"]?.stringValue ?? "default", name, ref["uid"]?.stringValue ?? "")
    }

    /// The key of the claim a volume's claimRef names.
    var claimReferenceKey: ResourceKey? {
        claimReference.map { Self.claimKey(namespace: $0.namespace, name: $0.name) }
    }

    static func claimKey(namespace: String, name: String) -> ResourceKey {
        ResourceKey(group: "", kind: "PersistentVolumeClaim", namespace: namespace, name: name)
    }

    static func volumeKey(_ name: String) -> ResourceKey {
        ResourceKey(group: "", kind: "PersistentVolume", namespace: "", name: name)
    }

    /// Sets `status.phase` of a volume, moving `lastPhaseTransitionTime` when it changes (Kubernetes 1.31+).
    mutating func setVolumePhase(_ phase: String, at now: Value) {
        guard storagePhase != phase else { return }
        value[path: ["status", "phase"]] = .string(phase)
        value[path: ["status", "lastPhaseTransitionTime"]] = now
    }
}
