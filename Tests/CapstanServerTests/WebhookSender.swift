/// The webhook senders, as the endpoint paths and the `webhooks:` configuration name them.
enum WebhookSender: String, CaseIterable, Sendable {
    case github, gitlab, gitea, generic
}
