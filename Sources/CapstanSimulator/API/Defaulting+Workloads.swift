import CapstanModel

/// The API server's defaults for StatefulSets and HorizontalPodAutoscalers (apps/v1 and autoscaling/v2).
extension Defaulting {
    /// Besides the workload defaults: OrderedReady, RollingUpdate with partition 0, history of 10, claims
    /// retained on deletion and scale-down, and claim templates defaulted like claims.
    static func defaultStatefulSet(_ value: inout Value) {
        setIfAbsent(&value, ["spec", "podManagementPolicy"], "OrderedReady")
        if value[path: ["spec", "updateStrategy", "type"]] == nil {
            value[path: ["spec", "updateStrategy", "type"]] = "RollingUpdate"
            setIfAbsent(&value, ["spec", "updateStrategy", "rollingUpdate"], [:])
        }
        if value[path: ["spec", "updateStrategy", "type"]]?.stringValue == "RollingUpdate",
            value[path: ["spec", "updateStrategy", "rollingUpdate"]] != nil
        {
            setIfAbsent(&value, ["spec", "updateStrategy", "rollingUpdate", "partition"], 0)
        }
        setIfAbsent(&value, ["spec", "revisionHistoryLimit"], 10)
        setIfAbsent(&value, ["spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted"], "Retain")
        setIfAbsent(&value, ["spec", "persistentVolumeClaimRetentionPolicy", "whenScaled"], "Retain")
        if let templates = value[path: ["spec", "volumeClaimTemplates"]]?.arrayValue {
            value[path: ["spec", "volumeClaimTemplates"]] = .array(
                templates.map { template in
                    var template = template
                    defaultClaim(&template)
                    return template
                })
        }
    }

    /// `minReplicas` 1, an 80% CPU target when no metric is given, and a `behavior` that is present filled
    /// with the default rules (a missing `behavior` stays missing: the controller then uses its legacy rules).
    static func defaultAutoscaler(_ value: inout Value, apiVersion: String) {
        setIfAbsent(&value, ["spec", "minReplicas"], 1)
        guard apiVersion != "autoscaling/v1" else { return }
        if (value[path: ["spec", "metrics"]]?.arrayValue ?? []).isEmpty {
            value[path: ["spec", "metrics"]] = [
                [
                    "type": "Resource",
                    "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]],
                ]
            ]
        }
        guard value[path: ["spec", "behavior"]] != nil else { return }
        let defaults = ScalingRules.defaultsValue
        for direction in ["scaleUp", "scaleDown"] {
            var rules = value[path: ["spec", "behavior", direction]] ?? [:]
            for field in ["selectPolicy", "policies", "stabilizationWindowSeconds"] {
                if rules[field] == nil, let fallback = defaults[direction]?[field] { rules[field] = fallback }
            }
            value[path: ["spec", "behavior", direction]] = rules
        }
    }
}
