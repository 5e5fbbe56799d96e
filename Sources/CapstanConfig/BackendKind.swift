/// Which cluster an app is synced to.
public enum BackendKind: String, Sendable, Hashable, CaseIterable {
    /// The built-in simulated cluster.
    case simulated
}
