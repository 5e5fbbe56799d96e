import CapstanModel

/// Deployment health, after `kubectl rollout status`.
enum DeploymentHealth {
    static func assess(_ deployment: Resource) -> HealthAssessment {
        if deployment.value[path: ["spec", "paused"]]?.boolValue == true {
            return HealthAssessment(.suspended, "Deployment is paused")
        }
        guard deployment.hasStatus else {
            return HealthAssessment(.progressing, "Waiting for rollout to start: no status reported yet")
        }
        if deployment.observedGeneration < deployment.generation {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: observed deployment generation less than desired generation"
            )
        }
        if deployment.condition("Progressing")?.reason == "ProgressDeadlineExceeded" {
            return HealthAssessment(.degraded, "Deployment \"\(deployment.name)\" exceeded its progress deadline")
        }
        let wanted = deployment.int("spec", "replicas", or: 1)
        let replicas = deployment.int("status", "replicas")
        let updated = deployment.int("status", "updatedReplicas")
        let available = deployment.int("status", "availableReplicas")
        if updated < wanted {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: \(updated) out of \(wanted) new replicas have been updated..."
            )
        }
        if replicas > updated {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: \(replicas - updated) old replicas are pending termination..."
            )
        }
        if available < updated {
            return HealthAssessment(
                .progressing,
                "Waiting for rollout to finish: \(available) of \(updated) updated replicas are available..."
            )
        }
        return .healthy
    }
}
