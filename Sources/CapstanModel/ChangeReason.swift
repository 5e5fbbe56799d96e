/// Why a resource is in the plan with its action.
public enum ChangeReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing to do.
    case none
    /// In git, not in the cluster.
    case newResource
    /// The manifest differs from what Capstan last applied.
    case manifestChanged
    /// The manifest is what Capstan last applied, but the live object no longer matches it.
    case drift
    /// The object exists in the cluster but Capstan has not applied it before.
    case adopted
    /// Capstan applied it before; it is no longer in git.
    case removedFromGit

    /// Words for people: `new resource`, `manifest changed`, ...
    public var phrase: String {
        switch self {
        case .none: return "in sync"
        case .newResource: return "new resource"
        case .manifestChanged: return "manifest changed"
        case .drift: return "live object drifted"
        case .adopted: return "adopting existing object"
        case .removedFromGit: return "removed from git"
        }
    }
}
