extension PushHint {
    /// The payload's repository URLs, normalised (see `RepositoryURL.normalized`).
    public var repositoryKeys: Set<String> {
        Set(repositoryURLs.map(RepositoryURL.normalized).filter { !$0.isEmpty })
    }

    /// The branch an app's `ref` watches: `main` for both `main` and `refs/heads/main`.
    public static func branch(ofRef ref: String) -> String {
        ref.hasPrefix("refs/heads/") ? String(ref.dropFirst("refs/heads/".count)) : ref
    }

    /// True when an app that watches `repository` at `ref` is concerned by this push.
    public func concerns(repository: String, ref: String) -> Bool {
        Self.branch(ofRef: ref) == branch && repositoryKeys.contains(RepositoryURL.normalized(repository))
    }
}
