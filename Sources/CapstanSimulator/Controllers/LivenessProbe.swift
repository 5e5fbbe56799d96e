import CapstanModel
import Foundation

/// A container's `livenessProbe` timing, with Kubernetes' defaults (no initial delay, every 10 s, restart after
/// 3 consecutive failures).
///
/// The simulation has no process to probe: a probe fails while the pod's annotation
/// `simulation.capstan.io/liveness-failing` names the container (a comma-separated list, `*` for all), which
/// `SimulatedCluster.setLivenessFailing(pod:container:_:)` sets and clears. Probes run at
/// `start + initialDelaySeconds + k × periodSeconds`; the container is killed at the `failureThreshold`-th
/// consecutive failed probe.
struct LivenessProbe: Equatable {
    static let failingAnnotation = "simulation.capstan.io/liveness-failing"

    var initialDelay: TimeInterval
    var period: TimeInterval
    var failureThreshold: Int

    /// The container's probe, nil when it has none.
    init?(container: Value) {
        guard let probe = container["livenessProbe"], probe.objectValue != nil else { return nil }
        initialDelay = TimeInterval(max(probe["initialDelaySeconds"]?.intValue ?? 0, 0))
        period = TimeInterval(max(probe["periodSeconds"]?.intValue ?? 10, 1))
        failureThreshold = max(probe["failureThreshold"]?.intValue ?? 3, 1)
    }

    /// When a container that started at `start`, and whose probe fails from `failingSince` on, is killed.
    func killTime(start: Date, failingSince: Date) -> Date {
        let periodMS = Int64(period * 1000)
        let firstProbe = SimulatedTime.milliseconds(start) + Int64(initialDelay * 1000)
        let since = SimulatedTime.milliseconds(failingSince)
        let probesBefore = since <= firstProbe ? 0 : (since - firstProbe + periodMS - 1) / periodMS
        let kill = firstProbe + (probesBefore + Int64(failureThreshold - 1)) * periodMS
        return Date(timeIntervalSince1970: Double(kill) / 1000)
    }

    /// True when the pod's annotation says `container`'s liveness probe fails.
    static func isFailing(_ container: String, in pod: Resource) -> Bool {
        guard let names = pod.annotations[failingAnnotation] else { return false }
        return names.split(separator: ",").contains { name in
            let name = name.trimmingCharacters(in: .whitespaces)
            return name == "*" || name == container
        }
    }
}
