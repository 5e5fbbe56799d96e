/// The header fields each sender uses for its signature, event name and delivery id.
extension WebhookProvider {
    /// The header that carries the signature (GitLab: the shared token), in the form the sender writes it.
    public var signatureHeader: String {
        switch self {
        case .github: return "X-Hub-Signature-256"
        case .gitlab: return "X-Gitlab-Token"
        case .gitea: return "X-Gitea-Signature"
        case .generic: return "X-Signature"
        }
    }

    /// Headers read for the signature, first present wins (Forgejo also sends `X-Forgejo-Signature`).
    var signatureHeaders: [String] {
        self == .gitea ? ["X-Gitea-Signature", "X-Forgejo-Signature"] : [signatureHeader]
    }

    /// Headers that name the event, first present wins; empty for the generic format, which has only pushes.
    var eventHeaders: [String] {
        switch self {
        case .github: return ["X-GitHub-Event"]
        case .gitlab: return ["X-Gitlab-Event"]
        case .gitea: return ["X-Gitea-Event", "X-Forgejo-Event", "X-Gogs-Event"]
        case .generic: return []
        }
    }

    /// Headers that carry the sender's id of one delivery (the same on a redelivery), first present wins.
    var deliveryHeaders: [String] {
        switch self {
        case .github: return ["X-GitHub-Delivery"]
        case .gitlab: return ["X-Gitlab-Event-UUID"]
        case .gitea: return ["X-Gitea-Delivery", "X-Forgejo-Delivery"]
        case .generic: return ["X-Delivery-ID"]
        }
    }

    /// The provider's display name for messages.
    public var displayName: String {
        switch self {
        case .github: return "GitHub"
        case .gitlab: return "GitLab"
        case .gitea: return "Gitea"
        case .generic: return "generic"
        }
    }
}
