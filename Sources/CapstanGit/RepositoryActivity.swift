/// Counters of what a repository object did over the network and to its cache, for metrics and tests.
public struct RepositoryActivity: Sendable, Hashable {
    /// Downloads into an empty cache.
    public var clones = 0
    /// Incremental downloads into an existing cache.
    public var fetches = 0
    /// Connections that listed the remote's refs.
    public var remoteListings = 0
    /// Times the cache was found corrupt or pointing elsewhere, and was wiped.
    public var cacheResets = 0
    /// Push attempts (each one connection to the remote), accepted or not.
    public var pushes = 0

    public init(clones: Int = 0, fetches: Int = 0, remoteListings: Int = 0, cacheResets: Int = 0, pushes: Int = 0) {
        self.clones = clones
        self.fetches = fetches
        self.remoteListings = remoteListings
        self.cacheResets = cacheResets
        self.pushes = pushes
    }
}
