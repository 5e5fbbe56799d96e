import CapstanModel
import Foundation

/// kubectl's READY, STATUS and RESTARTS for a pod (its `printPod`), without init containers, which the
/// simulation does not run.
struct PodStatusText {
    var ready: String
    var status: String
    var restarts: String

    init(_ pod: Resource, now: Date) {
        let statuses = pod.value[path: ["status", "containerStatuses"]]?.arrayValue ?? []
        let total = pod.value[path: ["spec", "containers"]]?.arrayValue?.count ?? statuses.count
        var reason =
            pod.value[path: ["status", "reason"]]?.stringValue
            ?? pod.value[path: ["status", "phase"]]?.stringValue ?? "Pending"
        var readyCount = 0
        var restartCount = 0
        var lastRestart: Date?
        var hasRunning = false
        for container in statuses.reversed() {
            restartCount += container["restartCount"]?.intValue ?? 0
            if let finished = Age.timestamp(container[path: ["lastState", "terminated", "finishedAt"]]) {
                lastRestart = max(lastRestart ?? finished, finished)
            }
            let state = container["state"]
            if let waiting = state?[path: ["waiting", "reason"]]?.stringValue, !waiting.isEmpty {
                reason = waiting
            } else if let terminated = state?["terminated"], !terminated.isNull {
                if let why = terminated["reason"]?.stringValue, !why.isEmpty {
                    reason = why
                } else if let signal = terminated["signal"]?.intValue, signal != 0 {
                    reason = "Signal:\(signal)"
                } else {
                    reason = "ExitCode:\(terminated["exitCode"]?.intValue ?? 0)"
                }
            } else if container["ready"]?.boolValue == true, state?["running"] != nil {
                hasRunning = true
                readyCount += 1
            }
        }
        if reason == "Completed" && hasRunning {
            reason = Self.isReady(pod) ? "Running" : "NotReady"
        }
        let phase = pod.value[path: ["status", "phase"]]?.stringValue ?? ""
        if pod.value[path: ["metadata", "deletionTimestamp"]]?.stringValue != nil {
            if pod.value[path: ["status", "reason"]]?.stringValue == "NodeLost" {
                reason = "Unknown"
            } else if phase != "Succeeded" && phase != "Failed" {
                reason = "Terminating"
            }
        }
        ready = "\(readyCount)/\(total)"
        status = reason
        restarts = String(restartCount)
        if restartCount != 0, let lastRestart {
            restarts = "\(restartCount) (\(Age.since(lastRestart, now: now)) ago)"
        }
    }

    static func isReady(_ pod: Resource) -> Bool {
        (pod.value[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
            $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
        }
    }
}
