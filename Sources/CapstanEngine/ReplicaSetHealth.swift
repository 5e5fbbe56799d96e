import CapstanModel

/// ReplicaSet health: observed, not failing to create pods, and all replicas available.
enum ReplicaSetHealth {
    static func assess(_ set: Resource) -> HealthAssessment {
        guard set.hasStatus, set.observedGeneration >= set.generation else {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: observed replica set generation less than desired generation"
            )
        }
        if let failure = set.condition("ReplicaFailure"), failure.isTrue {
            return HealthAssessment(.degraded, failure.message.isEmpty ? failure.reason : failure.message)
        }
        let wanted = set.int("spec", "replicas", or: 1)
        let available = set.int("status", "availableReplicas")
        if available < wanted {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: \(available) out of \(wanted) new replicas are available..."
            )
        }
        return .healthy
    }
}
