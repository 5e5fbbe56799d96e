import Foundation

/// Push payloads in each provider's shape, naming a local repository.
enum WebhookPushPayloads {
    static let zero = String(repeating: "0", count: 40)

    static func push(_ provider: WebhookSender, repository: String, ref: String = "refs/heads/main", after: String)
        -> String
    {
        switch provider {
        case .github:
            return """
                {"ref": "\(ref)", "before": "\(zero)", "after": "\(after)", "deleted": false,
                 "repository": {"name": "guestbook", "full_name": "octo/guestbook",
                   "html_url": "https://github.com/octo/guestbook", "clone_url": "\(repository)",
                   "ssh_url": "git@github.com:octo/guestbook.git"},
                 "pusher": {"name": "ada"}}
                """
        case .gitlab:
            return """
                {"object_kind": "push", "ref": "\(ref)", "before": "\(zero)", "after": "\(after)",
                 "checkout_sha": "\(after)",
                 "project": {"name": "guestbook", "web_url": "https://gitlab.example.com/octo/guestbook",
                   "git_http_url": "\(repository)", "git_ssh_url": "git@gitlab.example.com:octo/guestbook.git"},
                 "repository": {"name": "guestbook", "url": "git@gitlab.example.com:octo/guestbook.git"}}
                """
        case .gitea:
            return """
                {"ref": "\(ref)", "before": "\(zero)", "after": "\(after)",
                 "repository": {"name": "guestbook", "html_url": "http://gitea.local:3000/octo/guestbook",
                   "clone_url": "\(repository)", "ssh_url": "ssh://git@gitea.local:2222/octo/guestbook.git",
                   "original_url": ""}}
                """
        case .generic:
            return """
                {"repository": "\(repository)", "branch": "\(ref.replacingOccurrences(of: "refs/heads/", with: ""))", "after": "\(after)"}
                """
        }
    }
}
