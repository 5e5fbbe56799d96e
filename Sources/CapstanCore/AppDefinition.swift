import CapstanModel

/// One app as the reconciler runs it: where its manifests are and how it syncs them.
public struct AppDefinition: Sendable, Hashable {
    public var name: String
    public var source: AppSource
    /// Namespace for namespaced resources that do not name one.
    public var namespace: String
    /// How often git is polled.
    public var interval: Duration
    /// Delete resources removed from git.
    public var prune: Bool
    /// Put live objects changed outside git back as git says.
    public var selfHeal: Bool
    /// Deploy new commits without being asked.
    public var autoSync: Bool
    /// The backend the app deploys to (`simulated`).
    public var backend: String
    /// Roll back to the last Healthy revision when a rollout ends Degraded (and hold there until a newer commit).
    public var autoRollback: Bool

    public init(
        name: String, source: AppSource, namespace: String = "default", interval: Duration = .seconds(180),
        prune: Bool = false, selfHeal: Bool = false, autoSync: Bool = true, backend: String = "simulated",
        autoRollback: Bool = false
    ) {
        self.name = name
        self.source = source
        self.namespace = namespace
        self.interval = interval
        self.prune = prune
        self.selfHeal = selfHeal
        self.autoSync = autoSync
        self.backend = backend
        self.autoRollback = autoRollback
    }
}
