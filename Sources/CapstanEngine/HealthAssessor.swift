import CapstanModel

/// Tells how healthy a live resource is: one small check per kind (gitops-engine's `pkg/health`).
public enum HealthAssessor {
    /// The assessment for a resource that should exist but does not.
    public static let missing = HealthAssessment(.missing, "Resource does not exist in the cluster")

    /// The health of a live object; nil for kinds without a health (ConfigMap, Secret, unknown kinds).
    public static func assess(_ live: Resource) -> HealthAssessment? {
        switch (live.group, live.kind) {
        case ("apps", "Deployment"), ("extensions", "Deployment"): return DeploymentHealth.assess(live)
        case ("apps", "StatefulSet"): return StatefulSetHealth.assess(live)
        case ("apps", "ReplicaSet"), ("extensions", "ReplicaSet"): return ReplicaSetHealth.assess(live)
        case ("apps", "DaemonSet"), ("extensions", "DaemonSet"): return DaemonSetHealth.assess(live)
        case ("", "Pod"): return PodHealth.assess(live)
        case ("", "PersistentVolumeClaim"): return PersistentVolumeClaimHealth.assess(live)
        case ("", "Service"): return .healthy
        case ("", "Namespace"): return NamespaceHealth.assess(live)
        case ("autoscaling", "HorizontalPodAutoscaler"): return HorizontalPodAutoscalerHealth.assess(live)
        case ("batch", "Job"): return JobHealth.assess(live)
        default: return nil
        }
    }

    /// The health of a desired resource given its live object, if any: `missing` when there is none.
    public static func assess(orMissing live: Resource?) -> HealthAssessment? {
        guard let live else { return missing }
        return assess(live)
    }

    /// An app's health: its worst resource (by `HealthStatus.severity`, first one on ties) with
    /// that resource's message; Healthy when no resource has a health.
    public static func aggregate(_ assessments: [HealthAssessment?]) -> HealthAssessment {
        var worst: HealthAssessment?
        for case let assessment? in assessments where worst.map({ assessment.status.isWorse(than: $0.status) }) ?? true
        {
            worst = assessment
        }
        return worst ?? .healthy
    }
}
