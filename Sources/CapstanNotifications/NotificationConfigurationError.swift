import CapstanModel

/// A notification provider is configured wrongly; only a configuration change helps.
public struct NotificationConfigurationError: ClassifiedError, Equatable {
    /// The provider's name as configured.
    public var provider: String
    /// What is wrong, without secret values.
    public var problem: String

    public init(provider: String, _ problem: String) {
        self.provider = provider
        self.problem = problem
    }

    public var isRetryable: Bool { false }

    public var description: String { "notification provider \"\(provider)\": \(problem)" }
}
