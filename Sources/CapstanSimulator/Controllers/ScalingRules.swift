import CapstanModel

/// One direction of an HPA's `spec.behavior` (`HPAScalingRules`): stabilization window, policies and how
/// to pick among them, with the autoscaling/v2 defaults.
struct ScalingRules: Sendable, Equatable {
    struct Policy: Sendable, Equatable {
        /// `Pods` or `Percent`.
        var type: String
        var value: Int
        var periodSeconds: Int
    }

    /// nil for scale-down means the controller's default window (300 s).
    var stabilizationWindowSeconds: Int?
    /// `Max`, `Min` or `Disabled`.
    var selectPolicy: String
    var policies: [Policy]

    /// The defaults: scale up by 4 pods or 100% (whichever is more) per 15 s with no stabilization; scale
    /// down by 100% per 15 s, stabilized over the controller's window.
    static let defaultScaleUp = ScalingRules(
        stabilizationWindowSeconds: 0, selectPolicy: "Max",
        policies: [
            Policy(type: "Pods", value: 4, periodSeconds: 15), Policy(type: "Percent", value: 100, periodSeconds: 15),
        ])
    static let defaultScaleDown = ScalingRules(
        stabilizationWindowSeconds: nil, selectPolicy: "Max",
        policies: [Policy(type: "Percent", value: 100, periodSeconds: 15)])

    /// The defaults as the API server writes them into `spec.behavior`.
    static var defaultsValue: Value {
        ["scaleUp": defaultScaleUp.value, "scaleDown": defaultScaleDown.value]
    }

    var value: Value {
        var value: Value = [
            "selectPolicy": .string(selectPolicy),
            "policies": .array(
                policies.map {
                    ["type": .string($0.type), "value": .int($0.value), "periodSeconds": .int($0.periodSeconds)]
                }),
        ]
        if let stabilizationWindowSeconds { value["stabilizationWindowSeconds"] = .int(stabilizationWindowSeconds) }
        return value
    }

    /// Reads one direction of `spec.behavior`, filling what is missing from `defaults`.
    init(_ value: Value?, defaults: ScalingRules) {
        stabilizationWindowSeconds =
            value?["stabilizationWindowSeconds"]?.intValue ?? defaults.stabilizationWindowSeconds
        selectPolicy = value?["selectPolicy"]?.stringValue ?? defaults.selectPolicy
        if let policies = value?["policies"]?.arrayValue {
            self.policies = policies.compactMap { policy in
                guard let type = policy["type"]?.stringValue, let number = policy["value"]?.intValue,
                    let period = policy["periodSeconds"]?.intValue
                else { return nil }
                return Policy(type: type, value: number, periodSeconds: period)
            }
        } else {
            self.policies = defaults.policies
        }
    }

    init(stabilizationWindowSeconds: Int?, selectPolicy: String, policies: [Policy]) {
        self.stabilizationWindowSeconds = stabilizationWindowSeconds
        self.selectPolicy = selectPolicy
        self.policies = policies
    }

    var longestPeriod: Int { policies.map(\.periodSeconds).max() ?? 0 }
}
