import CapstanModel

/// The push-webhook senders Capstan verifies.
public enum WebhookProvider: String, Sendable, Hashable, CaseIterable {
    case github, gitlab, gitea, generic
}
