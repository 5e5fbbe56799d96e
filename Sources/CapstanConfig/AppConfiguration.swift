/// One application: a folder of manifests in a git repository, synced to a cluster backend.
public struct AppConfiguration: Sendable, Hashable {
    /// Unique DNS-1123 label.
    public var name: String
    /// `file:///abs`, `http(s)://…`, `ssh://…` or scp-like `git@host:path` (relative paths are already resolved).
    public var repo: String
    /// Branch, tag or commit. Default `main`.
    public var ref: String
    /// Folder inside the repository, relative, without `..`. Default `.`.
    public var path: String
    /// Namespace given to namespaced resources that do not name one. Default `default`.
    public var namespace: String
    /// How often the repository is polled; at least 1s. Default 3m.
    public var interval: Duration
    /// Delete resources that left git. Default false.
    public var prune: Bool
    /// Undo changes made to the cluster outside git. Default false.
    public var selfHeal: Bool
    /// Sync on every new revision without being asked. Default true.
    public var autoSync: Bool
    public var backend: BackendKind
    public var credentials: RepositoryCredentials?
    /// Roll back to the last Healthy revision when a rollout ends Degraded. Default false.
    public var autoRollback: Bool = false

    public init(
        name: String, repo: String, ref: String = "main", path: String = ".", namespace: String = "default",
        interval: Duration = .seconds(180), prune: Bool = false, selfHeal: Bool = false, autoSync: Bool = true,
        backend: BackendKind = .simulated, credentials: RepositoryCredentials? = nil
    ) {
        self.name = name
        self.repo = repo
        self.ref = ref
        self.path = path
        self.namespace = namespace
        self.interval = interval
        self.prune = prune
        self.selfHeal = selfHeal
        self.autoSync = autoSync
        self.backend = backend
        self.credentials = credentials
    }
}
