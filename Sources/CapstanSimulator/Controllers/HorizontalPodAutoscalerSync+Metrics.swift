import CapstanModel
import Foundation

/// The replicas each metric asks for (`computeReplicasForMetrics`): the highest proposal wins; when every
/// metric fails (or a failing one could hide a scale-down) the HPA does not scale and says why.
extension HorizontalPodAutoscalerSync {
    /// A metric's failure: the ScalingActive condition it sets and the error the controller reports.
    private struct Failure {
        var reason: String
        var message: String
        var error: String
    }

    mutating func replicasForMetrics(_ target: ScaleTarget, current: Int, _ plane: inout ControlPlane) -> (
        replicas: Int, metric: String
    )? {
        guard target.selector != nil else {
            plane.recordEvent(autoscaler, type: .warning, reason: "SelectorRequired", message: "selector is required")
            conditions.set("ScalingActive", false, "InvalidSelector", "the HPA target's scale is missing a selector")
            plane.recordEvent(
                autoscaler, type: .warning, reason: "FailedComputeMetricsReplicas", message: "selector is required")
            return nil
        }
        let pods = target.pods(in: plane.store)
        let samples = Self.samples(pods, usage: PodMetrics.cpuUsage(of: pods, in: plane))
        let calculator = ReplicaCalculator(now: plane.now)
        var best: (replicas: Int, metric: String)?
        var statuses: [Value] = []
        var failures: [Failure] = []
        for metric in spec.metrics {
            do throws(MetricError) {
                guard metric.type == "Resource", metric.name == "cpu" else {
                    throw MetricError("the simulated cluster has no \(metric.name) metrics")
                }
                let goal: ReplicaCalculator.Target
                if let percent = metric.averageUtilization {
                    goal = .utilization(percent)
                } else if let milli = metric.averageValueMilli {
                    goal = .averageValue(milli)
                } else {
                    throw MetricError(
                        "invalid resource metric source: neither an average utilization target nor an average value "
                            + "(usage) target was set")
                }
                let proposal = try calculator.replicas(current: current, target: goal, pods: samples)
                statuses.append(Self.status(proposal))
                let name =
                    proposal.utilization == nil ? "cpu resource" : "cpu resource utilization (percentage of request)"
                if best == nil || proposal.replicas > best!.replicas { best = (proposal.replicas, name) }
            } catch {
                failures.append(failure(metric, error, &plane))
            }
        }
        status["currentMetrics"] = statuses.isEmpty ? nil : .array(statuses)
        if let first = failures.first, best == nil || best!.replicas < current {
            conditions.set("ScalingActive", false, first.reason, first.message)
            let error =
                "invalid metrics (\(failures.count) invalid out of \(spec.metrics.count)), "
                + "first error is: \(first.error)"
            plane.recordEvent(autoscaler, type: .warning, reason: "FailedComputeMetricsReplicas", message: error)
            return nil
        }
        guard let best else { return nil }
        conditions.set(
            "ScalingActive", true, "ValidMetricFound",
            "the HPA was able to successfully calculate a replica count from \(best.metric)")
        return best
    }

    /// The condition and error texts of a failed metric, with the event the controller records for it.
    private func failure(
        _ metric: HorizontalPodAutoscalerSpec.Metric, _ error: MetricError, _ plane: inout ControlPlane
    )
        -> Failure
    {
        let isResource = metric.type == "Resource"
        let measure = metric.averageValueMilli == nil ? "utilization" : "usage"
        let reason = isResource ? "FailedGetResourceMetric" : "FailedGet\(metric.type)Metric"
        let detail =
            isResource
            ? "failed to get \(metric.name) \(measure): \(error.message)"
            : "unable to get metric \(metric.name): \(error.message)"
        plane.recordEvent(autoscaler, type: .warning, reason: reason, message: detail)
        let wrapped = isResource ? "failed to get \(metric.name) resource metric value: \(detail)" : detail
        return Failure(
            reason: reason, message: "the HPA was unable to compute the replica count: \(detail)", error: wrapped)
    }

    /// `status.currentMetrics[]` for a cpu resource metric.
    private static func status(_ proposal: ReplicaCalculator.Proposal) -> Value {
        var current: Value = ["averageValue": .string(Quantity(milliValue: proposal.averageMilli).description)]
        if let utilization = proposal.utilization { current["averageUtilization"] = .int(utilization) }
        return ["type": "Resource", "resource": ["name": "cpu", "current": current]]
    }

    /// What the replica calculation reads of each pod.
    static func samples(_ pods: [Resource], usage: [String: Int64]) -> [ReplicaCalculator.PodSample] {
        pods.map { pod in
            let ready = pod.podCondition("Ready").map { condition in
                (
                    status: condition["status"]?.stringValue == "True",
                    since: condition["lastTransitionTime"]?.stringValue.flatMap(SimulatedTime.parse)
                )
            }
            let withoutRequest = pod.containers.first { $0[path: ["resources", "requests", "cpu"]] == nil }
            return ReplicaCalculator.PodSample(
                name: pod.name, phase: pod.podPhase, terminating: pod.isTerminating, ready: ready,
                startTime: pod.value[path: ["status", "startTime"]]?.stringValue.flatMap(SimulatedTime.parse),
                requestMilli: withoutRequest == nil ? pod.podRequests.cpu.milliValue : nil,
                containerWithoutRequest: withoutRequest?["name"]?.stringValue,
                usageMilli: usage[pod.name])
        }
    }
}
