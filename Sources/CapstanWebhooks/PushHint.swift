/// A verified push, as a hint only: which repository and branch moved. Capstan fetches the branch from git
/// and reconciles as usual; nothing in the payload is deployed.
public struct PushHint: Sendable, Hashable {
    public var provider: WebhookProvider
    /// Every URL the payload names for the repository (clone, ssh, web), as sent.
    public var repositoryURLs: [String]
    /// The branch name, without `refs/heads/`.
    public var branch: String
    /// The commit the branch points to now, when the payload says.
    public var after: String?
    /// The sender's id of this delivery, the same on a redelivery.
    public var deliveryID: String?

    public init(
        provider: WebhookProvider, repositoryURLs: [String], branch: String, after: String? = nil,
        deliveryID: String? = nil
    ) {
        self.provider = provider
        self.repositoryURLs = repositoryURLs
        self.branch = branch
        self.after = after
        self.deliveryID = deliveryID
    }
}
