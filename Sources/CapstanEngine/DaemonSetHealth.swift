import CapstanModel

/// DaemonSet health, after `kubectl rollout status`.
enum DaemonSetHealth {
    static func assess(_ set: Resource) -> HealthAssessment {
        guard set.hasStatus, set.observedGeneration >= set.generation else {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: observed daemon set generation less than desired generation"
            )
        }
        let wanted = set.int("status", "desiredNumberScheduled")
        let updated = set.int("status", "updatedNumberScheduled")
        let available = set.int("status", "numberAvailable")
        if set.string("spec", "updateStrategy", "type") == "OnDelete" {
            return HealthAssessment(.healthy, "daemon set \(updated) out of \(wanted) new pods have been updated")
        }
        if updated < wanted {
            return HealthAssessment(
                .progressing,
                "Waiting for daemon set \"\(set.name)\" rollout to finish: \(updated) out of \(wanted) new pods have been updated..."
            )
        }
        if available < wanted {
            return HealthAssessment(
                .progressing,
                "Waiting for daemon set \"\(set.name)\" rollout to finish: \(available) of \(wanted) updated pods are available..."
            )
        }
        return .healthy
    }
}
