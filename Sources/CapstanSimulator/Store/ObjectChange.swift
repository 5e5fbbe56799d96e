import CapstanModel

/// One write to the simulated cluster's object store, as controllers and watchers see it.
struct ObjectChange: Sendable {
    enum Kind: Sendable { case added, modified, deleted }

    var key: ResourceKey
    var kind: Kind
    /// The object after the change, or the last version for a deletion.
    var object: Resource
    /// The object before the change (nil when added).
    var previous: Resource?
}
