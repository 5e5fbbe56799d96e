import CapstanModel
import Foundation

/// Turns the replica count the metrics ask for into the one to scale to (`normalizeDesiredReplicas…`):
/// stabilization over recent recommendations, then the scale rate limits and `minReplicas`/`maxReplicas`.
/// Without a `behavior` the legacy rules apply: the highest recommendation of the last 5 minutes
/// (`--horizontal-pod-autoscaler-downscale-stabilization`), and at most max(2 × current, 4) when scaling up.
struct ReplicaRecommendation {
    /// A condition to set: status, reason, message.
    struct Condition: Equatable {
        var status: Bool
        var reason: String
        var message: String
    }

    static let downscaleStabilization: Int64 = 300_000

    var replicas: Int
    var ableToScale: Condition
    var scalingLimited: Condition

    /// Normalizes `desired` at a sync at `now` and records it in `history`.
    init(
        desired: Int, current: Int, spec: HorizontalPodAutoscalerSpec, history: inout ScaleRecommendationHistory,
        now: Int64, period: Int64
    ) {
        let records = history.records(now: now, period: period)
        let stabilized: Int
        let stabilizedReason: (String, String)
        if let up = spec.scaleUp, let down = spec.scaleDown {
            let upWindow = Int64(up.stabilizationWindowSeconds ?? 0) * 1000
            let downWindow = Int64(down.stabilizationWindowSeconds ?? 300) * 1000
            let upLimit = records.filter { $0.millis > now - upWindow }.map(\.count).reduce(desired, min)
            let downLimit = records.filter { $0.millis > now - downWindow }.map(\.count).reduce(desired, max)
            stabilized = min(max(current, upLimit), downLimit)
            stabilizedReason =
                desired >= current
                ? (
                    "ScaleUpStabilized",
                    "recent recommendations were lower than current one, applying the lowest recent recommendation"
                )
                : (
                    "ScaleDownStabilized",
                    "recent recommendations were higher than current one, applying the highest recent recommendation"
                )
            history.prune { $0 > now - max(upWindow, downWindow) }
        } else {
            let cutoff = now - Self.downscaleStabilization
            stabilized = records.filter { $0.millis >= cutoff }.map(\.count).reduce(desired, max)
            stabilizedReason = (
                "ScaleDownStabilized",
                "recent recommendations were higher than current one, applying the highest recent recommendation"
            )
            history.prune { $0 >= cutoff }
        }
        history.record(desired, now: now, period: period)
        ableToScale =
            stabilized != desired
            ? Condition(status: true, reason: stabilizedReason.0, message: stabilizedReason.1)
            : Condition(status: true, reason: "ReadyForNewScale", message: "recommended size matches current size")
        let limited =
            spec.scaleUp == nil
            ? Self.legacyLimits(stabilized, current: current, spec: spec)
            : Self.behaviorLimits(stabilized, current: current, spec: spec, history: history, now: now)
        replicas = limited.replicas
        scalingLimited = Condition(
            status: limited.replicas != stabilized, reason: limited.reason, message: limited.message)
    }

    private typealias Limited = (replicas: Int, reason: String, message: String)

    private static let withinRange: (String, String) = (
        "DesiredWithinRange", "the desired count is within the acceptable range"
    )
    private static let tooMany = ("TooManyReplicas", "the desired replica count is more than the maximum replica count")
    private static let tooFew = ("TooFewReplicas", "the desired replica count is less than the minimum replica count")
    private static let upLimit = (
        "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate"
    )
    private static let downLimit = (
        "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate"
    )

    /// `convertDesiredReplicasWithRules`.
    private static func legacyLimits(_ desired: Int, current: Int, spec: HorizontalPodAutoscalerSpec) -> Limited {
        let scaleUpLimit = max(2 * current, 4)
        let (maximum, reason) = spec.maxReplicas > scaleUpLimit ? (scaleUpLimit, upLimit) : (spec.maxReplicas, tooMany)
        if desired < spec.minReplicas { return (spec.minReplicas, tooFew.0, tooFew.1) }
        if desired > maximum { return (maximum, reason.0, reason.1) }
        return (desired, withinRange.0, withinRange.1)
    }

    /// `convertDesiredReplicasWithBehaviorRate`.
    private static func behaviorLimits(
        _ desired: Int, current: Int, spec: HorizontalPodAutoscalerSpec, history: ScaleRecommendationHistory,
        now: Int64
    ) -> Limited {
        if desired > current, let rules = spec.scaleUp {
            let limit = max(scaleUpLimit(current, rules, history, now), current)
            let (maximum, reason) = spec.maxReplicas > limit ? (limit, upLimit) : (spec.maxReplicas, tooMany)
            if desired > maximum { return (maximum, reason.0, reason.1) }
        } else if desired < current, let rules = spec.scaleDown {
            let limit = min(scaleDownLimit(current, rules, history, now), current)
            let (minimum, reason) = spec.minReplicas < limit ? (limit, downLimit) : (spec.minReplicas, tooFew)
            if desired < minimum { return (minimum, reason.0, reason.1) }
        }
        return (desired, withinRange.0, withinRange.1)
    }

    /// The most replicas the scale-up policies allow now (`calculateScaleUpLimitWithScalingRules`).
    static func scaleUpLimit(_ current: Int, _ rules: ScalingRules, _ history: ScaleRecommendationHistory, _ now: Int64)
        -> Int
    {
        guard rules.selectPolicy != "Disabled", !rules.policies.isEmpty else { return current }
        let proposals = rules.policies.map { policy -> Int in
            let start = current - history.change(up: true, periodSeconds: policy.periodSeconds, now: now)
            return policy.type == "Pods"
                ? start + policy.value
                : Int((Double(start) * (1 + Double(policy.value) / 100)).rounded(.up))
        }
        return rules.selectPolicy == "Min" ? proposals.min()! : proposals.max()!
    }

    /// The fewest replicas the scale-down policies allow now (`calculateScaleDownLimitWithBehaviors`).
    static func scaleDownLimit(
        _ current: Int, _ rules: ScalingRules, _ history: ScaleRecommendationHistory, _ now: Int64
    ) -> Int {
        guard rules.selectPolicy != "Disabled", !rules.policies.isEmpty else { return current }
        let proposals = rules.policies.map { policy -> Int in
            let start = current + history.change(up: false, periodSeconds: policy.periodSeconds, now: now)
            return policy.type == "Pods" ? start - policy.value : Int(Double(start) * (1 - Double(policy.value) / 100))
        }
        return rules.selectPolicy == "Min" ? proposals.max()! : proposals.min()!
    }
}
