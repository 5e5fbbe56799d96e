import CapstanModel

/// Namespace health: Progressing while it is being deleted.
enum NamespaceHealth {
    static func assess(_ namespace: Resource) -> HealthAssessment {
        if namespace.string("status", "phase") == "Terminating" {
            return HealthAssessment(.progressing, "Namespace is terminating")
        }
        return .healthy
    }
}
