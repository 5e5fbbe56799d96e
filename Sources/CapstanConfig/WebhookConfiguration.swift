/// `webhooks:`: the secret of each push-webhook provider (an endpoint without one stays closed) and limits.
public struct WebhookConfiguration: Sendable, Hashable {
    public static let providers = ["github", "gitlab", "gitea", "generic"]

    /// Provider name (`github`, `gitlab`, `gitea`, `generic`) → its secret.
    public var secrets: [String: SecretReference]
    public var maxBodyBytes: Int
    /// How long a client may take to send a delivery's body (then 408).
    public var readTimeout: Duration

    public init(
        secrets: [String: SecretReference] = [:], maxBodyBytes: Int = 1_048_576, readTimeout: Duration = .seconds(10)
    ) {
        self.secrets = secrets
        self.maxBodyBytes = maxBodyBytes
        self.readTimeout = readTimeout
    }
}
