import CapstanModel

/// StatefulSet health, after `kubectl rollout status`.
enum StatefulSetHealth {
    static func assess(_ set: Resource) -> HealthAssessment {
        let observed = set.observedGeneration
        if !set.hasStatus || observed == 0 || observed < set.generation {
            return HealthAssessment(.progressing, "Waiting for statefulset spec update to be observed...")
        }
        let wanted = set.int("spec", "replicas", or: 1)
        let ready = set.int("status", "readyReplicas")
        if ready < wanted {
            return HealthAssessment(.progressing, "Waiting for \(wanted - ready) pods to be ready...")
        }
        let updated = set.int("status", "updatedReplicas")
        switch set.string("spec", "updateStrategy", "type") {
        case "OnDelete":
            return HealthAssessment(.healthy, "statefulset has \(ready) ready pods")
        default:
            // A partition > 0 deliberately leaves the pods below it at the old revision.
            let partition = set.int("spec", "updateStrategy", "rollingUpdate", "partition")
            if partition > 0 {
                let target = max(wanted - partition, 0)
                if updated < target {
                    return HealthAssessment(
                        .progressing,
                        "Waiting for partitioned roll out to finish: \(updated) out of \(target) new pods have been updated..."
                    )
                }
                return HealthAssessment(
                    .healthy, "partitioned roll out complete: \(updated) new pods have been updated...")
            }
        }
        let updateRevision = set.string("status", "updateRevision")
        let currentRevision = set.string("status", "currentRevision")
        if updateRevision != currentRevision {
            return HealthAssessment(
                .progressing,
                "waiting for statefulset rolling update to complete \(updated) pods at revision \(updateRevision)..."
            )
        }
        return HealthAssessment(
            .healthy,
            "statefulset rolling update complete \(set.int("status", "currentReplicas")) pods at revision \(currentRevision)..."
        )
    }
}
