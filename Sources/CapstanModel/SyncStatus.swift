/// Whether the live state matches git.
public enum SyncStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case synced = "Synced"
    case outOfSync = "OutOfSync"
    case unknown = "Unknown"
}
