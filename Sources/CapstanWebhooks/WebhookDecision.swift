/// What the intake makes of one delivery.
public enum WebhookDecision: Sendable, Hashable {
    /// A verified push of a branch: fetch and reconcile the apps that watch it (202).
    case accepted(PushHint)
    /// A verified delivery that needs no action, with the reason (202: the sender must not retry).
    case ignored(String)
    /// A refused delivery (400, 401, 404, 408, 413).
    case rejected(WebhookRejection)
}
