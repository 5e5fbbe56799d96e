/// One resource an app manages: what Capstan last applied, so it can tell a git change from drift
/// and knows what to prune.
public struct InventoryEntry: Sendable, Hashable, Codable {
    public var key: ResourceKey
    /// SHA-256 of the normalized desired resource last applied.
    public var appliedHash: String
    /// The commit id that resource was last applied from.
    public var revision: String

    public init(key: ResourceKey, appliedHash: String, revision: String) {
        self.key = key
        self.appliedHash = appliedHash
        self.revision = revision
    }
}
