import CapstanModel
import Foundation

/// The simulated metrics-server: a Running pod uses `load` percent of its cpu requests, where its load is the
/// one set with `setLoad` on a Service whose selector matches it (the highest, if several do), else 0.
/// Pods that are not Running have no metrics.
enum PodMetrics {
    /// The cpu use in millicores of each Running pod of `pods`, by pod name.
    static func cpuUsage(of pods: [Resource], in plane: ControlPlane) -> [String: Int64] {
        var usage: [String: Int64] = [:]
        for pod in pods where pod.podPhase == "Running" && !pod.isTerminating {
            let requested = pod.podRequests.cpu.milliValue
            usage[pod.name] = Int64((Double(requested) * load(of: pod, in: plane) / 100).rounded())
        }
        return usage
    }

    /// The cpu load in percent of requests of a pod: the highest load of the Services selecting it.
    static func load(of pod: Resource, in plane: ControlPlane) -> Double {
        var load = 0.0
        for (key, percent) in plane.faults.serviceLoad where key.namespace == pod.namespace && percent > load {
            // A Service selects with equality on its `spec.selector`; an empty selector selects nothing.
            guard let selector = plane.store[key]?.spec?["selector"]?.stringMap, !selector.isEmpty,
                selector.allSatisfy({ pod.labels[$0.key] == $0.value })
            else { continue }
            load = percent
        }
        return load
    }
}
