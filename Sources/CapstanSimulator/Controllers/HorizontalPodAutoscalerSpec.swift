import CapstanModel

/// The fields of a HorizontalPodAutoscaler the controller acts on (autoscaling/v2, or v1's
/// `targetCPUUtilizationPercentage`), with Kubernetes' defaults applied.
struct HorizontalPodAutoscalerSpec {
    /// A metric to scale on. Only `Resource` metrics of `cpu` have simulated values.
    struct Metric {
        var type: String
        /// The resource (`cpu`, `memory`) or the custom metric's name.
        var name: String
        /// `Utilization` (percent of requests) or `AverageValue` (milli-units per pod).
        var averageUtilization: Int?
        var averageValueMilli: Int64?
    }

    var targetAPIVersion: String
    var targetKind: String
    var targetName: String
    var minReplicas: Int
    var maxReplicas: Int
    var metrics: [Metric]
    /// nil when `spec.behavior` is not set: the controller's legacy rules apply.
    var scaleUp: ScalingRules?
    var scaleDown: ScalingRules?

    init(_ autoscaler: Resource) {
        let spec = autoscaler.spec ?? [:]
        targetAPIVersion = spec[path: ["scaleTargetRef", "apiVersion"]]?.stringValue ?? ""
        targetKind = spec[path: ["scaleTargetRef", "kind"]]?.stringValue ?? ""
        targetName = spec[path: ["scaleTargetRef", "name"]]?.stringValue ?? ""
        minReplicas = spec["minReplicas"]?.intValue ?? 1
        maxReplicas = spec["maxReplicas"]?.intValue ?? minReplicas
        if autoscaler.apiVersion == "autoscaling/v1" {
            let target = spec["targetCPUUtilizationPercentage"]?.intValue ?? 80
            metrics = [Metric(type: "Resource", name: "cpu", averageUtilization: target)]
        } else {
            metrics = (spec["metrics"]?.arrayValue ?? []).map(Self.metric)
        }
        if let behavior = spec["behavior"] {
            scaleUp = ScalingRules(behavior["scaleUp"], defaults: .defaultScaleUp)
            scaleDown = ScalingRules(behavior["scaleDown"], defaults: .defaultScaleDown)
        }
    }

    private static func metric(_ value: Value) -> Metric {
        let type = value["type"]?.stringValue ?? ""
        let source = value[Self.sourceField(type)] ?? [:]
        let name = source["name"]?.stringValue ?? source[path: ["metric", "name"]]?.stringValue ?? ""
        let target = source["target"] ?? [:]
        return Metric(
            type: type, name: name, averageUtilization: target["averageUtilization"]?.intValue,
            averageValueMilli: target["averageValue"].flatMap(Quantity.init).map(\.milliValue))
    }

    /// `Resource` → `resource`, `ContainerResource` → `containerResource`.
    static func sourceField(_ type: String) -> String {
        guard let first = type.first else { return "" }
        return first.lowercased() + type.dropFirst()
    }
}
