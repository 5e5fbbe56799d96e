import Foundation

/// Which pods' cpu samples count (`groupPods`): deleted and failed pods are ignored, Pending pods and pods
/// that are not ready count as unready, and during the cpu initialization period a pod counts only once it
/// has been Ready for a whole metric window.
extension ReplicaCalculator {
    struct PodGroups {
        var readyCount = 0
        var unready: Set<String> = []
        var missing: Set<String> = []
        var ignored: Set<String> = []
    }

    func group(_ pods: [PodSample], _ metrics: [String: Int64]) -> PodGroups {
        var groups = PodGroups()
        for pod in pods {
            if pod.terminating || pod.phase == "Failed" {
                groups.ignored.insert(pod.name)
                continue
            }
            if pod.phase == "Pending" {
                groups.unready.insert(pod.name)
                continue
            }
            guard metrics[pod.name] != nil else {
                groups.missing.insert(pod.name)
                continue
            }
            if isUnready(pod) {
                groups.unready.insert(pod.name)
                continue
            }
            groups.readyCount += 1
        }
        return groups
    }

    private func isUnready(_ pod: PodSample) -> Bool {
        guard let ready = pod.ready, let start = pod.startTime, let since = ready.since else { return true }
        if Self.isBefore(now, start.addingTimeInterval(Self.cpuInitializationPeriod)) {
            // The sample (taken now) must cover a whole window after the pod became ready.
            return !ready.status || Self.isBefore(now, since.addingTimeInterval(Self.metricWindow))
        }
        // Later, only a pod that never became ready is left out.
        return !ready.status && Self.isBefore(since, start.addingTimeInterval(Self.initialReadinessDelay))
    }

    /// `a` before `b` at the simulation's millisecond resolution.
    static func isBefore(_ a: Date, _ b: Date) -> Bool {
        SimulatedTime.milliseconds(a) < SimulatedTime.milliseconds(b)
    }
}
