import CapstanCluster
import CapstanModel

/// What the API server refuses for StatefulSets and HorizontalPodAutoscalers.
extension Validation {
    /// Fields of a StatefulSet spec that may change after creation (apps/validation).
    static let mutableStatefulSetFields: Set<String> = [
        "replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit",
        "persistentVolumeClaimRetentionPolicy", "minReadySeconds",
    ]

    static func validateStatefulSet(_ set: Resource, existing: Resource?) throws(ClusterError) {
        let key = set.key
        let spec = set.spec ?? [:]
        let policy = spec["podManagementPolicy"]?.stringValue ?? "OrderedReady"
        guard ["OrderedReady", "Parallel"].contains(policy) else {
            throw ClusterError(
                .invalid, key: key,
                "spec.podManagementPolicy: Unsupported value: \"\(policy)\": supported values: "
                    + "\"OrderedReady\", \"Parallel\""
            )
        }
        let strategy = spec[path: ["updateStrategy", "type"]]?.stringValue ?? "RollingUpdate"
        guard ["OnDelete", "RollingUpdate"].contains(strategy) else {
            throw ClusterError(
                .invalid, key: key,
                "spec.updateStrategy.type: Unsupported value: \"\(strategy)\": supported values: "
                    + "\"OnDelete\", \"RollingUpdate\""
            )
        }
        if strategy == "OnDelete", spec[path: ["updateStrategy", "rollingUpdate"]] != nil {
            throw ClusterError(
                .invalid, key: key,
                "spec.updateStrategy.rollingUpdate: Invalid value: only allowed for updateStrategy 'RollingUpdate'")
        }
        if let partition = spec[path: ["updateStrategy", "rollingUpdate", "partition"]]?.intValue, partition < 0 {
            throw ClusterError(
                .invalid, key: key,
                "spec.updateStrategy.rollingUpdate.partition: Invalid value: \(partition): "
                    + "must be greater than or equal to 0"
            )
        }
        for (index, template) in (spec["volumeClaimTemplates"]?.arrayValue ?? []).enumerated() {
            let path = "spec.volumeClaimTemplates[\(index)]"
            guard let name = template[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else {
                throw ClusterError(
                    .invalid, key: key, "\(path).metadata.name: Required value: name or generateName is required")
            }
            try validateClaimSpec(template["spec"] ?? [:], path: "\(path).spec", key: key)
        }
        guard let existing else { return }
        let old = (existing.spec?.objectValue ?? [:]).filter { !mutableStatefulSetFields.contains($0.key) }
        let new = (spec.objectValue ?? [:]).filter { !mutableStatefulSetFields.contains($0.key) }
        if old != new {
            throw ClusterError(
                .invalid, key: key,
                "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                    + "'template', "
                    + "'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and "
                    + "'minReadySeconds' are forbidden")
        }
    }

    static func validateAutoscaler(_ autoscaler: Resource) throws(ClusterError) {
        let key = autoscaler.key
        let spec = autoscaler.spec ?? [:]
        for field in ["kind", "name"] where (spec[path: ["scaleTargetRef", field]]?.stringValue ?? "").isEmpty {
            throw ClusterError(.invalid, key: key, "spec.scaleTargetRef.\(field): Required value")
        }
        let minReplicas = spec["minReplicas"]?.intValue ?? 1
        guard minReplicas >= 1 else {
            throw ClusterError(
                .invalid, key: key,
                "spec.minReplicas: Invalid value: \(minReplicas): must be greater than or equal to 1")
        }
        guard let maxReplicas = spec["maxReplicas"]?.intValue else {
            throw ClusterError(.invalid, key: key, "spec.maxReplicas: Required value")
        }
        guard maxReplicas >= 1 else {
            throw ClusterError(
                .invalid, key: key, "spec.maxReplicas: Invalid value: \(maxReplicas): must be greater than 0")
        }
        guard maxReplicas >= minReplicas else {
            throw ClusterError(
                .invalid, key: key,
                "spec.maxReplicas: Invalid value: \(maxReplicas): must be greater than or equal to `minReplicas`")
        }
        for (index, metric) in (spec["metrics"]?.arrayValue ?? []).enumerated() {
            guard let utilization = metric[path: ["resource", "target", "averageUtilization"]]?.intValue else {
                continue
            }
            if utilization <= 0 {
                throw ClusterError(
                    .invalid, key: key,
                    "spec.metrics[\(index)].resource.target.averageUtilization: Invalid value: \(utilization): "
                        + "must be greater than 0")
            }
        }
        if let target = spec["targetCPUUtilizationPercentage"]?.intValue, target < 1 {
            throw ClusterError(
                .invalid, key: key,
                "spec.targetCPUUtilizationPercentage: Invalid value: \(target): must be greater than or equal to 1")
        }
    }
}
