/// Which cluster an app is synced to.
public enum BackendKind: String, Sendable, Hashable, CaseIterable {
    /// The built-in simulated cluster.
    case simulated
    /// Docker daemons (`docker.hosts`), see docs/docker-backend.md.
    case docker
}
