import CapstanModel

/// PersistentVolumeClaim health, from its phase.
enum PersistentVolumeClaimHealth {
    static func assess(_ claim: Resource) -> HealthAssessment {
        switch claim.string("status", "phase") {
        case "Bound": return .healthy
        case "", "Pending": return HealthAssessment(.progressing, "Waiting for the claim to be bound")
        case "Lost": return HealthAssessment(.degraded, "The claim lost its volume")
        case let phase: return HealthAssessment(.unknown, "Unknown claim phase \"\(phase)\"")
        }
    }
}
