/// Reads a verified delivery into a push hint, or says why it needs no action or is malformed. Only call it
/// after `WebhookVerifier` accepted the delivery: nothing here is trusted before that.
public enum WebhookPayload {
    /// Accepted with a hint for a branch push; ignored for other events, tags, branch deletions and pings;
    /// rejected with 400 naming the field when the payload is not what the provider sends.
    public static func parse(_ provider: WebhookProvider, headers: WebhookHeaders, body: [UInt8]) -> WebhookDecision {
        do throws(WebhookRejection) {
            if let reason = try ignoredEvent(provider, headers: headers) { return .ignored(reason) }
            let root = try PayloadObject.parse(body)
            let push: Push
            switch provider {
            case .github: push = try github(root)
            case .gitlab: push = try gitlab(root)
            case .gitea: push = try gitea(root)
            case .generic: push = try generic(root)
            }
            let branch: String
            switch try PushRef.branch(push.ref, field: push.refField, bareIsBranch: provider == .generic) {
            case .success(let name): branch = name
            case .failure(let ignored): return .ignored(ignored.reason)
            }
            if push.deleted || PushRef.isDeletion(push.after) { return .ignored("branch \(branch) was deleted") }
            let delivery = headers.first(of: provider.deliveryHeaders)?.value
            var seen: Set<String> = []
            let urls = push.urls.filter { seen.insert($0).inserted }
            return .accepted(
                PushHint(
                    provider: provider, repositoryURLs: urls, branch: branch, after: push.after,
                    deliveryID: delivery.flatMap { $0.isEmpty ? nil : $0 }))
        } catch {
            return .rejected(error)
        }
    }

    /// The reason to ignore the delivery from its event header alone, nil for a push; 400 when the header
    /// is missing.
    static func ignoredEvent(_ provider: WebhookProvider, headers: WebhookHeaders) throws(WebhookRejection) -> String? {
        guard let header = provider.eventHeaders.first else { return nil }
        guard let event = headers.first(of: provider.eventHeaders)?.value, !event.isEmpty else {
            throw .badRequest("missing \(header) header")
        }
        switch (provider, event) {
        case (.github, "push"), (.gitlab, "Push Hook"), (.gitea, "push"): return nil
        case (.github, "ping"): return "ping"
        case (.gitlab, "Tag Push Hook"): return "tag pushes are not deployed"
        default: return "event \(event) is not handled"
        }
    }

    /// The parts of a push payload every provider has.
    struct Push {
        var urls: [String]
        var ref: String
        /// The name of the ref field, for messages.
        var refField: String
        var after: String?
        /// The payload says the ref was deleted.
        var deleted = false
    }
}
