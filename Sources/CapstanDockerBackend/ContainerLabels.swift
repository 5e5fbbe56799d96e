/// The labels Capstan puts on every container it runs, and the only containers it ever touches: those with
/// `capstan.managed=true`.
public enum ContainerLabels {
    public static let managed = "capstan.managed"
    public static let node = "capstan.node"
    public static let namespace = "capstan.namespace"
    public static let pod = "capstan.pod"
    public static let podUID = "capstan.pod-uid"
    public static let container = "capstan.container"
    public static let port = "capstan.port"
    /// The workload that owns the pod: `Deployment`, `StatefulSet`, `ReplicaSet` or `Pod`.
    public static let kind = "capstan.kind"
    public static let name = "capstan.name"
    public static let templateHash = "capstan.template-hash"
    public static let app = "capstan.app"
    public static let revision = "capstan.revision"
    /// The pod's `terminationGracePeriodSeconds`: how long a stop waits, even once the pod object is gone.
    public static let gracePeriod = "capstan.grace-period"
    /// On a named volume: the PersistentVolumeClaim it holds the data of (with `capstan.namespace`).
    public static let claim = "capstan.claim"
}
