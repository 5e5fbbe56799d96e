import CapstanModel

/// The fields of a StatefulSet the controller acts on, with Kubernetes' defaults applied.
struct StatefulSetSpec {
    var replicas: Int
    /// `spec.ordinals.start`: the first ordinal (0 unless set).
    var startOrdinal: Int
    var template: Value
    var matchLabels: [String: String]
    var serviceName: String
    /// `podManagementPolicy: Parallel`: create and delete pods without waiting for their predecessors.
    var parallel: Bool
    /// `updateStrategy.type: OnDelete`: pods get the new template only when deleted by hand.
    var onDelete: Bool
    /// `updateStrategy.rollingUpdate.partition`: pods below it (relative to the start) keep the current revision.
    var partition: Int
    var minReadySeconds: Int
    var revisionHistoryLimit: Int
    var claimTemplates: [Value]
    /// `persistentVolumeClaimRetentionPolicy`: delete the claims with the set / with a scaled-down pod.
    var deleteClaimsWithSet: Bool
    var deleteClaimsOnScaleDown: Bool

    init(_ set: Resource) {
        let spec = set.spec ?? [:]
        replicas = max(spec["replicas"]?.intValue ?? 1, 0)
        startOrdinal = max(spec[path: ["ordinals", "start"]]?.intValue ?? 0, 0)
        template = spec["template"] ?? [:]
        matchLabels = spec[path: ["selector", "matchLabels"]]?.stringMap ?? [:]
        serviceName = spec["serviceName"]?.stringValue ?? ""
        parallel = spec["podManagementPolicy"]?.stringValue == "Parallel"
        onDelete = spec[path: ["updateStrategy", "type"]]?.stringValue == "OnDelete"
        partition = onDelete ? 0 : max(spec[path: ["updateStrategy", "rollingUpdate", "partition"]]?.intValue ?? 0, 0)
        minReadySeconds = max(spec["minReadySeconds"]?.intValue ?? 0, 0)
        revisionHistoryLimit = max(spec["revisionHistoryLimit"]?.intValue ?? 10, 0)
        claimTemplates = spec["volumeClaimTemplates"]?.arrayValue ?? []
        let retention = spec["persistentVolumeClaimRetentionPolicy"]
        deleteClaimsWithSet = retention?["whenDeleted"]?.stringValue == "Delete"
        deleteClaimsOnScaleDown = retention?["whenScaled"]?.stringValue == "Delete"
    }

    /// The last ordinal in the wanted range (`start + replicas - 1`).
    var endOrdinal: Int { startOrdinal + replicas - 1 }
}
