/// One provider as the API shows it: name, type, redacted URL and outbox counts.
public struct NotificationProviderStatus: Sendable, Hashable, Codable {
    public var name: String
    /// `generic`, `generic-hmac` or `slack`.
    public var type: String
    /// Scheme, host and port only.
    public var url: String
    /// Rows waiting for delivery (including retries).
    public var pending: Int
    public var delivered: Int
    /// Rows given up on; see `recentDeliveries(state: .dead)` for their last error.
    public var dead: Int

    public init(name: String, type: String, url: String, pending: Int, delivered: Int, dead: Int) {
        self.name = name
        self.type = type
        self.url = url
        self.pending = pending
        self.delivered = delivered
        self.dead = dead
    }
}
