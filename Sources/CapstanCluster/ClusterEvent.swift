import CapstanModel

/// A change to one object in a cluster.
public struct ClusterEvent: Sendable, Hashable {
    public enum Change: String, Sendable, Hashable { case added, modified, deleted }

    public var key: ResourceKey
    public var change: Change
    /// The keys of the objects that own this one (ownerReferences), so a watcher of a Deployment
    /// also hears about its ReplicaSets' changes.
    public var owners: [ResourceKey]

    public init(key: ResourceKey, change: Change, owners: [ResourceKey] = []) {
        self.key = key
        self.change = change
        self.owners = owners
    }
}
