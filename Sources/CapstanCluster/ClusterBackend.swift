import CapstanModel

/// A place Capstan converges desired state onto: the simulated cluster, a Docker engine, …
public protocol ClusterBackend: ClusterReader, ClusterWriter {
    /// The backend's name as apps name it in config (`simulated`, `docker`).
    var name: String { get }
    /// The kinds this backend runs; a sync reports objects of other kinds as `Unsupported` instead of applying
    /// them. Every kind unless the backend says otherwise.
    var kindSupport: KindSupport { get }
    /// A stream of changes to objects: a watch. Each call gets its own stream; events that arrive while
    /// the consumer is busy are buffered up to a bound, after which the oldest are dropped — consumers
    /// are level-based and re-read the world when woken, so a dropped event loses nothing.
    func events() -> AsyncStream<ClusterEvent>
}

extension ClusterBackend {
    public var kindSupport: KindSupport { .everything }

    /// Why `key` is not applied on this backend (`not supported on backend docker: no metrics`), or nil
    /// when its kind is supported.
    public func unsupportedReason(_ key: ResourceKey) -> String? {
        kindSupport.unsupportedReason(key).map { "not supported on backend \(name): \($0)" }
    }
}
