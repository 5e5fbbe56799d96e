/// A commit to make on a watched branch: the head's tree with one path restored to how it was at `target`.
public struct RestoreCommitRequest: Sendable, Hashable {
    /// The branch to commit on and push, e.g. `main` (`refs/heads/main` is accepted too).
    public var branch: String
    /// The directory (or file) to restore, relative to the repository root; `""` or `"."` is the whole tree.
    public var path: String
    /// The full 40-hex id of the commit whose content at `path` is restored; any commit in the repository.
    public var target: String
    /// Author and committer of the new commit.
    public var committer: GitSignature
    /// The commit message, cleaned up as `git commit` does (trailing spaces, blank lines).
    public var message: String

    public init(branch: String, path: String, target: String, committer: GitSignature, message: String) {
        self.branch = branch
        self.path = path
        self.target = target
        self.committer = committer
        self.message = message
    }
}
