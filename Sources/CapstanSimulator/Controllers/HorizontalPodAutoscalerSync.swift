import CapstanModel
import Foundation

/// One sync of one HPA (`reconcileAutoscaler`): read the target's scale, compute the replicas its metrics
/// ask for, stabilize and limit them, scale the target, and write the status with its conditions.
struct HorizontalPodAutoscalerSync {
    let autoscaler: Resource
    let spec: HorizontalPodAutoscalerSpec
    let now: Int64
    var conditions: AutoscalerConditions
    var history: ScaleRecommendationHistory
    var status: Value

    private let period = HorizontalPodAutoscalerController.syncPeriod

    init(autoscaler: Resource, plane: ControlPlane) {
        self.autoscaler = autoscaler
        spec = HorizontalPodAutoscalerSpec(autoscaler)
        now = SimulatedTime.milliseconds(plane.now)
        status = autoscaler.status ?? [:]
        conditions = AutoscalerConditions(status["conditions"]?.arrayValue ?? [], now: plane.timestamp)
        history = ScaleRecommendationHistory(status["stabilization"])
    }

    /// 1. target scale → 2. replicas wanted → 3. stabilize and limit → 4. scale → 5. status.
    mutating func run(_ plane: inout ControlPlane) {
        var target: ScaleTarget
        switch ScaleTarget.find(spec, namespace: autoscaler.namespace, in: plane.store) {
        case .failure(let error):
            plane.recordEvent(autoscaler, type: .warning, reason: "FailedGetScale", message: error.message)
            conditions.set(
                "AbleToScale", false, "FailedGetScale",
                "the HPA controller was unable to get the target's current scale: \(error.message)")
            history.skip(now: now, period: period)
            write(&plane)
            return
        case .success(let found):
            target = found
        }
        conditions.set(
            "AbleToScale", true, "SucceededGetScale", "the HPA controller was able to get the target's current scale")
        let current = target.replicas
        history.recordInitial(current, now: now)
        status["currentReplicas"] = .int(current)

        var desired = 0
        var reason = ""
        if current == 0 && spec.minReplicas != 0 {
            conditions.set(
                "ScalingActive", false, "ScalingDisabled",
                "scaling is disabled since the replica count of the target is zero")
            history.skip(now: now, period: period)
            status["desiredReplicas"] = 0
            status["currentMetrics"] = nil
            write(&plane)
            return
        } else if current > spec.maxReplicas {
            (desired, reason) = (spec.maxReplicas, "Current number of replicas above Spec.MaxReplicas")
            history.skip(now: now, period: period)
            status["currentMetrics"] = nil
        } else if current < spec.minReplicas {
            (desired, reason) = (spec.minReplicas, "Current number of replicas below Spec.MinReplicas")
            history.skip(now: now, period: period)
            status["currentMetrics"] = nil
        } else {
            guard let wanted = replicasForMetrics(target, current: current, &plane) else {
                history.skip(now: now, period: period)
                write(&plane)
                return
            }
            reason = wanted.replicas > current ? "\(wanted.metric) above target" : "All metrics below target"
            let recommendation = ReplicaRecommendation(
                desired: wanted.replicas, current: current, spec: spec, history: &history, now: now, period: period)
            conditions.set("AbleToScale", recommendation.ableToScale)
            conditions.set("ScalingLimited", recommendation.scalingLimited)
            desired = recommendation.replicas
        }
        if desired != current {
            target.scale(to: desired, &plane)
            conditions.set(
                "AbleToScale", true, "SucceededRescale",
                "the HPA controller was able to update the target scale to \(desired)")
            plane.recordEvent(
                autoscaler, reason: "SuccessfulRescale", message: "New size: \(desired); reason: \(reason)")
            if let up = spec.scaleUp, let down = spec.scaleDown {
                history.storeScaleEvent(
                    from: current, to: desired, now: now, upPeriod: Int64(up.longestPeriod) * 1000,
                    downPeriod: Int64(down.longestPeriod) * 1000)
            }
            status["lastScaleTime"] = plane.timestamp
        }
        status["desiredReplicas"] = .int(desired)
        write(&plane)
    }

    /// Writes the status (nothing when it did not change).
    private func write(_ plane: inout ControlPlane) {
        var status = status
        status["conditions"] = .array(conditions.values)
        status["stabilization"] = history.value
        if autoscaler.apiVersion == "autoscaling/v1" {
            status["currentCPUUtilizationPercentage"] =
                status["currentMetrics"]?.arrayValue?.first?[path: ["resource", "current", "averageUtilization"]]
        }
        var updated = autoscaler
        updated.status = status
        plane.store.update(updated)
    }
}
