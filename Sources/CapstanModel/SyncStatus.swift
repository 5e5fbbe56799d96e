/// Whether the live state matches git.
public enum SyncStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case synced = "Synced"
    case outOfSync = "OutOfSync"
    case unknown = "Unknown"
    /// Of a resource only: the backend does not run its kind, so it is not applied (the app can still be Synced).
    case unsupported = "Unsupported"
}
