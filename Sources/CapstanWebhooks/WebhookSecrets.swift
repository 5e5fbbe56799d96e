/// The shared secret of each webhook sender and the limits of the intake. A sender without a secret has
/// its endpoint closed: Capstan never accepts an unverified delivery.
public struct WebhookSecrets: Sendable, Hashable, CustomStringConvertible {
    /// The largest body read by default (1 MiB); GitHub's pushes are far smaller.
    public static let defaultMaxBodyBytes = 1_048_576

    /// The largest body read; a bigger one is refused with 413 before it is read.
    public var maxBodyBytes: Int
    /// How long the whole body may take to arrive; a slower one is refused with 408.
    public var readTimeout: Duration
    private var secrets: [WebhookProvider: [UInt8]]

    /// Secrets by provider; an empty secret counts as none.
    public init(
        _ secrets: [WebhookProvider: [UInt8]] = [:], maxBodyBytes: Int = Self.defaultMaxBodyBytes,
        readTimeout: Duration = .seconds(10)
    ) {
        self.secrets = secrets.filter { !$0.value.isEmpty }
        self.maxBodyBytes = maxBodyBytes
        self.readTimeout = readTimeout
    }

    /// The secret of `provider`, nil when its endpoint is closed. Setting an empty secret removes it.
    public subscript(provider: WebhookProvider) -> [UInt8]? {
        get { secrets[provider] }
        set { secrets[provider] = newValue?.isEmpty == false ? newValue : nil }
    }

    /// Sets the secret of `provider` from text (UTF-8).
    public mutating func set(_ provider: WebhookProvider, secret: String) {
        self[provider] = Array(secret.utf8)
    }

    /// The providers whose endpoints are open, in the order of `WebhookProvider.allCases`.
    public var configuredProviders: [WebhookProvider] {
        WebhookProvider.allCases.filter { secrets[$0] != nil }
    }

    /// Names the configured providers and limits, never the secrets.
    public var description: String {
        let providers = configuredProviders.map(\.rawValue).joined(separator: ", ")
        return "webhooks(\(providers.isEmpty ? "none" : providers); maxBodyBytes: \(maxBodyBytes))"
    }
}
