import CapstanModel

/// An HPA's `status.conditions` (AbleToScale, ScalingActive, ScalingLimited), set the way the controller's
/// `setCondition` does: a new condition is appended, and `lastTransitionTime` moves only when the status flips.
struct AutoscalerConditions {
    private(set) var values: [Value]
    let now: Value

    init(_ values: [Value], now: Value) {
        self.values = values
        self.now = now
    }

    mutating func set(_ type: String, _ status: Bool, _ reason: String, _ message: String) {
        let statusText = status ? "True" : "False"
        let index = values.firstIndex { $0["type"]?.stringValue == type }
        let previous = index.map { values[$0] }
        let transition =
            previous?["status"]?.stringValue == statusText ? (previous?["lastTransitionTime"] ?? now) : now
        let condition: Value = [
            "type": .string(type), "status": .string(statusText), "lastTransitionTime": transition,
            "reason": .string(reason), "message": .string(message),
        ]
        if let index { values[index] = condition } else { values.append(condition) }
    }

    mutating func set(_ type: String, _ condition: ReplicaRecommendation.Condition) {
        set(type, condition.status, condition.reason, condition.message)
    }
}
