/// The push payload of each provider.
extension WebhookPayload {
    /// GitHub's `push` event: `ref`, `after`, `deleted`, `repository.{clone_url, ssh_url, html_url, …}`.
    static func github(_ root: PayloadObject) throws(WebhookRejection) -> Push {
        let repository = try root.object("repository", required: true)!
        let urls = try repositoryURLs(repository, ["clone_url", "ssh_url", "html_url", "git_url", "svn_url", "url"])
        return Push(
            urls: urls, ref: try root.nonEmptyString("ref"), refField: "ref", after: try root.string("after"),
            deleted: try root.bool("deleted") ?? false)
    }

    /// GitLab's `Push Hook`: `ref`, `after`, `project.{git_http_url, git_ssh_url, web_url, …}` and
    /// `repository.{git_http_url, git_ssh_url, homepage, url}`.
    static func gitlab(_ root: PayloadObject) throws(WebhookRejection) -> Push {
        var urls: [String] = []
        if let project = try root.object("project") {
            urls += try project.urls(["git_http_url", "git_ssh_url", "web_url", "http_url", "ssh_url", "url"])
        }
        if let repository = try root.object("repository") {
            urls += try repository.urls(["git_http_url", "git_ssh_url", "homepage", "url"])
        }
        guard !urls.isEmpty else { throw .badRequest("field \"project.git_http_url\" is required") }
        return Push(urls: urls, ref: try root.nonEmptyString("ref"), refField: "ref", after: try root.string("after"))
    }

    /// Gitea's and Forgejo's `push`: `ref`, `after`, `repository.{clone_url, ssh_url, html_url}`.
    static func gitea(_ root: PayloadObject) throws(WebhookRejection) -> Push {
        let repository = try root.object("repository", required: true)!
        let urls = try repositoryURLs(repository, ["clone_url", "ssh_url", "html_url", "original_url"])
        return Push(urls: urls, ref: try root.nonEmptyString("ref"), refField: "ref", after: try root.string("after"))
    }

    /// The generic format: `{"repository": URL, "ref": "refs/heads/main" | "branch": "main", "after": SHA?}`.
    static func generic(_ root: PayloadObject) throws(WebhookRejection) -> Push {
        let repository = try root.nonEmptyString("repository")
        let ref = try root.string("ref")
        let branch = try root.string("branch")
        let after = try root.string("after")
        switch (ref, branch) {
        case (nil, nil):
            throw .badRequest("field \"ref\" or \"branch\" is required")
        case (let ref?, let branch?) where ref != branch && ref != "refs/heads/" + branch:
            throw .badRequest("fields \"ref\" (\(ref)) and \"branch\" (\(branch)) disagree")
        case (let ref?, _):
            return Push(urls: [repository], ref: ref, refField: "ref", after: after)
        case (nil, let branch?):
            let qualified = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
            return Push(urls: [repository], ref: qualified, refField: "branch", after: after)
        }
    }

    /// The URLs among `keys` of the repository object; 400 naming the first key when none is usable.
    private static func repositoryURLs(_ repository: PayloadObject, _ keys: [String]) throws(WebhookRejection)
        -> [String]
    {
        let urls = try repository.urls(keys)
        guard urls.isEmpty else { return urls }
        _ = try repository.nonEmptyString(keys[0])  // throws "is required" or "must not be empty"
        throw .badRequest("field \"\(repository.name(keys[0]))\" must not be empty")
    }
}
