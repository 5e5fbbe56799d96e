import CapstanModel

/// Pod health: stuck containers first, then the phase and the Ready condition.
enum PodHealth {
    static func assess(_ pod: Resource) -> HealthAssessment {
        if let stuck = stuckContainer(pod) { return stuck }
        let message = pod.string("status", "message")
        switch pod.string("status", "phase") {
        case "", "Pending":
            return HealthAssessment(.progressing, message.isEmpty ? "Pod is pending" : message)
        case "Running":
            if pod.condition("Ready")?.isTrue == true { return HealthAssessment(.healthy, message) }
            return HealthAssessment(.progressing, message.isEmpty ? "Pod is running but not ready" : message)
        case "Succeeded":
            return HealthAssessment(.healthy, message)
        case "Failed":
            return HealthAssessment(.degraded, message.isEmpty ? failure(pod) : message)
        default:
            return HealthAssessment(.unknown, message)
        }
    }

    /// True for waiting reasons that mean the container will not start on its own
    /// (`CrashLoopBackOff`, `ImagePullBackOff`, `ErrImagePull`, `CreateContainerConfigError`).
    static func isStuck(reason: String) -> Bool {
        reason.hasPrefix("Err") || reason.hasSuffix("Error") || reason.hasSuffix("BackOff")
    }

    private static func containerStatuses(_ pod: Resource) -> [Value] {
        let initial = pod.value[path: ["status", "initContainerStatuses"]]?.arrayValue ?? []
        return initial + (pod.value[path: ["status", "containerStatuses"]]?.arrayValue ?? [])
    }

    private static func stuckContainer(_ pod: Resource) -> HealthAssessment? {
        for container in containerStatuses(pod) {
            guard let waiting = container[path: ["state", "waiting"]],
                let reason = waiting["reason"]?.stringValue, isStuck(reason: reason)
            else { continue }
            let name = container["name"]?.stringValue ?? "?"
            let detail = waiting["message"]?.stringValue.map { ": \($0)" } ?? ""
            return HealthAssessment(.degraded, "Container \"\(name)\" is waiting: \(reason)\(detail)")
        }
        return nil
    }

    /// Why a failed pod failed, from its terminated containers.
    private static func failure(_ pod: Resource) -> String {
        for container in containerStatuses(pod) {
            guard let terminated = container[path: ["state", "terminated"]] else { continue }
            if let message = terminated["message"]?.stringValue, !message.isEmpty { return message }
            if terminated["reason"]?.stringValue == "OOMKilled" { return "OOMKilled" }
            if let code = terminated["exitCode"]?.intValue, code != 0 {
                return "Container \"\(container["name"]?.stringValue ?? "?")\" failed with exit code \(code)"
            }
        }
        return "Pod failed"
    }
}
