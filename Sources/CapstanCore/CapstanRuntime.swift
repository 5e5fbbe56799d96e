import CapstanCluster
import CapstanModel
import CapstanStore

/// The running service as the API sees it: the apps by name, the backends, and the state store.
public final class CapstanRuntime: Sendable {
    /// Controllers in config order.
    public let controllers: [AppController]
    public let backends: [String: any ClusterBackend]
    public let store: StateStore
    /// Writes rollback commits to the apps' repositories; nil when the service cannot write to git.
    public let restorer: (any RevisionRestorer)?
    private let byName: [String: AppController]

    public init(
        controllers: [AppController], backends: [String: any ClusterBackend], store: StateStore,
        restorer: (any RevisionRestorer)? = nil
    ) {
        self.controllers = controllers
        self.backends = backends
        self.store = store
        self.restorer = restorer
        self.byName = Dictionary(controllers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func controller(named name: String) -> AppController? { byName[name] }

    /// The backend a request names, or the default (`simulated`) when it names none.
    public func backend(named name: String?) -> (any ClusterBackend)? {
        backends[name ?? "simulated"]
    }
}
