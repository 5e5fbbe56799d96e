extension GitError {
    /// The git source operation that failed.
    public enum Operation: String, Hashable, Sendable, CustomStringConvertible {
        /// Creating or opening the local cache repository.
        case openCache = "open cache"
        /// The first download into an empty cache.
        case clone
        /// Listing the remote's refs or downloading new objects into an existing cache.
        case fetch
        /// Turning a ref or commit id into a commit.
        case resolve
        /// Reading files from a commit's tree.
        case readFiles = "read files"
        /// Building a commit in the cache (trees, signature, message).
        case commit
        /// Sending a commit to the remote and updating its branch.
        case push

        public var description: String { rawValue }
    }
}
