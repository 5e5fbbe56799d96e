import CapstanModel

/// Reads live objects from a cluster (controller-runtime's `client.Reader`).
public protocol ClusterReader: Sendable {
    /// The live objects for `keys`; a key with no object is absent from the result.
    func get(_ keys: [ResourceKey]) async throws(ClusterError) -> [ResourceKey: Resource]
    /// Every object of one type, in `namespace` or in all namespaces when nil, sorted by namespace and name.
    func list(_ type: ResourceType, namespace: String?) async throws(ClusterError) -> [Resource]
}
