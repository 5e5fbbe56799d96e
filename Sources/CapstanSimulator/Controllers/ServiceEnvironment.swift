import CapstanModel

/// Kubernetes' Service discovery through environment variables: for every Service in a pod's namespace that
/// exists when its containers start, `NAME_SERVICE_HOST`, `NAME_SERVICE_PORT` and the `NAME_PORT_…` family.
enum ServiceEnvironment {
    /// The annotation on a simulated pod that records the variables its containers were started with.
    static let annotation = "simulation.capstan.io/service-environment"

    /// The variables for `pod` given the Services that exist now.
    static func variables(for pod: Resource, in plane: ControlPlane) -> [String: String] {
        [:]
    }
}
