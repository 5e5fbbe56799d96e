/// Where a sealed secret may be opened: bound to its namespace and name, or to its namespace only.
public enum SealingScope: String, Sendable, Hashable, CaseIterable {
    /// Namespace and name are both authenticated: the default.
    case strict
    /// Only the namespace is authenticated: the SealedSecret may be renamed within it.
    case namespace
}
