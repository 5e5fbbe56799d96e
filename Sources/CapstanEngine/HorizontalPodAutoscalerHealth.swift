import CapstanModel

/// HorizontalPodAutoscaler health: Degraded when it cannot read its target or metrics.
enum HorizontalPodAutoscalerHealth {
    /// Conditions whose `False` status, with a failure reason, means the autoscaler is not working.
    static let watchedConditions: Set<String> = ["AbleToScale", "ScalingActive"]

    static func assess(_ autoscaler: Resource) -> HealthAssessment {
        for condition in autoscaler.conditions where watchedConditions.contains(condition.type) && condition.isFalse {
            guard isFailure(reason: condition.reason) else { continue }
            let detail = condition.message.isEmpty ? condition.reason : condition.message
            return HealthAssessment(.degraded, "\(condition.type) is false: \(detail)")
        }
        return .healthy
    }

    /// `FailedGetScale`, `FailedGetResourceMetric`, `InvalidSelector`, …; not `ScalingDisabled`.
    static func isFailure(reason: String) -> Bool {
        reason.hasPrefix("Failed") || reason.hasPrefix("Invalid")
    }
}
