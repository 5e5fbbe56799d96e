/// Push payloads as the providers send them (trimmed to the fields that matter, plus some that do not).
enum SamplePayloads {
    static let commit = "6113728f27ae82c7b1a177c8d03f9e96e0adf246"
    static let zero = "0000000000000000000000000000000000000000"

    static func github(ref: String = "refs/heads/main", after: String = commit, deleted: Bool = false) -> String {
        """
        {"ref": "\(ref)", "before": "\(zero)", "after": "\(after)", "created": false, "deleted": \(deleted),
         "forced": false, "compare": "https://github.com/octo/shop/compare/a...b",
         "commits": [{"id": "\(after)", "message": "Bump image", "author": {"name": "Ada"}}],
         "repository": {"id": 1, "name": "shop", "full_name": "octo/shop", "private": true,
           "html_url": "https://github.com/octo/shop", "url": "https://github.com/octo/shop",
           "git_url": "git://github.com/octo/shop.git", "ssh_url": "git@github.com:octo/shop.git",
           "clone_url": "https://github.com/octo/shop.git", "svn_url": "https://github.com/octo/shop",
           "mirror_url": null, "default_branch": "main"},
         "pusher": {"name": "ada", "email": "ada@example.com"}, "sender": {"login": "ada"}}
        """
    }

    static func gitlab(ref: String = "refs/heads/main", after: String = commit) -> String {
        """
        {"object_kind": "push", "event_name": "push", "before": "\(zero)", "after": "\(after)", "ref": "\(ref)",
         "checkout_sha": "\(after)", "user_username": "ada", "project_id": 15,
         "project": {"id": 15, "name": "Shop", "web_url": "https://gitlab.example.com/Octo/Shop",
           "git_ssh_url": "git@gitlab.example.com:Octo/Shop.git",
           "git_http_url": "https://gitlab.example.com/Octo/Shop.git", "namespace": "Octo",
           "path_with_namespace": "Octo/Shop", "default_branch": "main",
           "ssh_url": "git@gitlab.example.com:Octo/Shop.git", "http_url": "https://gitlab.example.com/Octo/Shop.git"},
         "commits": [], "total_commits_count": 1,
         "repository": {"name": "Shop", "url": "git@gitlab.example.com:Octo/Shop.git",
           "homepage": "https://gitlab.example.com/Octo/Shop",
           "git_http_url": "https://gitlab.example.com/Octo/Shop.git",
           "git_ssh_url": "git@gitlab.example.com:Octo/Shop.git"}}
        """
    }

    static func gitea(ref: String = "refs/heads/main", after: String = commit) -> String {
        """
        {"ref": "\(ref)", "before": "\(zero)", "after": "\(after)", "compare_url": "", "commits": [],
         "total_commits": 1,
         "repository": {"id": 1, "owner": {"login": "octo"}, "name": "shop", "full_name": "octo/shop",
           "private": false, "html_url": "http://gitea.local:3000/octo/shop",
           "ssh_url": "ssh://git@gitea.local:2222/octo/shop.git", "clone_url": "http://gitea.local:3000/octo/shop.git",
           "original_url": "", "default_branch": "main"},
         "pusher": {"login": "ada"}, "sender": {"login": "ada"}}
        """
    }

    static func generic(repository: String = "https://git.example.com/octo/shop.git", after: String = commit)
        -> String
    {
        """
        {"repository": "\(repository)", "ref": "refs/heads/main", "after": "\(after)"}
        """
    }

    /// Headers that make each sample a push (no signature, no delivery id).
    static func pushHeaders(_ provider: String) -> [(String, String)] {
        switch provider {
        case "github": return [("X-GitHub-Event", "push")]
        case "gitlab": return [("X-Gitlab-Event", "Push Hook")]
        case "gitea": return [("X-Gitea-Event", "push")]
        default: return []
        }
    }
}
