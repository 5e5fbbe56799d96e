import CapstanModel
import Foundation

/// The HPA's replica count for a resource metric (kube-controller-manager's `ReplicaCalculator`):
/// `ceil(readyPods × usageRatio)`, nothing when the ratio is within the tolerance, and conservative
/// assumptions for pods that are not ready yet (0% use when scaling up) so they cannot flip the direction.
struct ReplicaCalculator {
    /// `--horizontal-pod-autoscaler-tolerance`.
    static let tolerance = 0.1
    /// `--horizontal-pod-autoscaler-cpu-initialization-period`.
    static let cpuInitializationPeriod: TimeInterval = 300
    /// `--horizontal-pod-autoscaler-initial-readiness-delay`.
    static let initialReadinessDelay: TimeInterval = 30
    /// The window of a simulated metrics-server sample (its default `--metric-resolution`), ending now.
    static let metricWindow: TimeInterval = 15

    /// What the calculation reads of one pod matching the target's selector.
    struct PodSample {
        var name: String
        var phase: String
        var terminating: Bool
        /// The Ready condition's status and last transition, nil when the pod has none.
        var ready: (status: Bool, since: Date?)?
        var startTime: Date?
        /// The summed cpu requests in millicores; nil names the first container without one.
        var requestMilli: Int64?
        var containerWithoutRequest: String?
        /// The metric (millicores), nil when metrics-server has none.
        var usageMilli: Int64?
    }

    /// The result: replicas, average utilization in percent of requests (nil for raw targets) and
    /// average use per pod in millicores.
    struct Proposal: Equatable {
        var replicas: Int
        var utilization: Int?
        var averageMilli: Int64
    }

    /// How the target is expressed: a utilization percentage, or an average value in millicores.
    enum Target {
        case utilization(Int)
        case averageValue(Int64)
    }

    let now: Date

    func replicas(current: Int, target: Target, pods: [PodSample]) throws(MetricError) -> Proposal {
        var metrics = pods.reduce(into: [String: Int64]()) { if let use = $1.usageMilli { $0[$1.name] = use } }
        guard !metrics.isEmpty else {
            throw MetricError("unable to get metrics for resource cpu: no metrics returned from resource metrics API")
        }
        guard !pods.isEmpty else { throw MetricError("no pods returned by selector while calculating replica count") }
        let groups = group(pods, metrics)
        for name in groups.ignored.union(groups.unready) { metrics[name] = nil }
        var requests: [String: Int64] = [:]
        if case .utilization = target {
            for pod in pods {
                guard let request = pod.requestMilli else {
                    throw MetricError(
                        "missing request for cpu in container \(pod.containerWithoutRequest ?? "") of Pod \(pod.name)")
                }
                requests[pod.name] = request
            }
        }
        guard !metrics.isEmpty else { throw MetricError("did not receive metrics for any ready pods") }
        let first = try ratio(metrics, requests, target)
        let scaleUpWithUnready = !groups.unready.isEmpty && first.ratio > 1
        if !scaleUpWithUnready && groups.missing.isEmpty {
            if abs(1 - first.ratio) <= Self.tolerance { return proposal(current, first) }
            return proposal(Int((first.ratio * Double(groups.readyCount)).rounded(.up)), first)
        }
        if !groups.missing.isEmpty, first.ratio != 1 {
            // Missing pods count as using 100% (or the target) when scaling down, nothing when scaling up.
            for name in groups.missing { metrics[name] = first.ratio < 1 ? fallback(name, requests, target) : 0 }
        }
        if scaleUpWithUnready { for name in groups.unready { metrics[name] = 0 } }
        let second = try ratio(metrics, requests, target)
        if abs(1 - second.ratio) <= Self.tolerance || (first.ratio < 1 && second.ratio > 1)
            || (first.ratio > 1 && second.ratio < 1)
        {
            return proposal(current, first)
        }
        let replicas = Int((second.ratio * Double(metrics.count)).rounded(.up))
        if (second.ratio < 1 && replicas > current) || (second.ratio > 1 && replicas < current) {
            return proposal(current, first)
        }
        return proposal(replicas, first)
    }

    private func proposal(_ replicas: Int, _ measured: (ratio: Double, utilization: Int?, average: Int64)) -> Proposal {
        Proposal(replicas: replicas, utilization: measured.utilization, averageMilli: measured.average)
    }

    private func fallback(_ name: String, _ requests: [String: Int64], _ target: Target) -> Int64 {
        switch target {
        case .utilization(let percent): return (requests[name] ?? 0) * Int64(max(100, percent)) / 100
        case .averageValue(let milli): return milli
        }
    }

    /// `GetResourceUtilizationRatio` (utilization truncated to whole percent) or `GetMetricUsageRatio`.
    private func ratio(_ metrics: [String: Int64], _ requests: [String: Int64], _ target: Target) throws(MetricError)
        -> (ratio: Double, utilization: Int?, average: Int64)
    {
        switch target {
        case .utilization(let percent):
            var used: Int64 = 0
            var requested: Int64 = 0
            var counted: Int64 = 0
            for (name, use) in metrics {
                guard let request = requests[name] else { continue }
                used += use
                requested += request
                counted += 1
            }
            guard requested > 0 else { throw MetricError("no metrics returned matched known pods") }
            let utilization = Int(used * 100 / requested)
            return (Double(utilization) / Double(percent), utilization, used / counted)
        case .averageValue(let milli):
            let average = metrics.values.reduce(0, +) / Int64(metrics.count)
            return (Double(average) / Double(milli), nil, average)
        }
    }
}

/// Why the metrics of an HPA's pods gave no replica count (the text Kubernetes reports).
struct MetricError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
