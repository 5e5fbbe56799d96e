import CLibGit2

/// A `RestoreCommitRequest` checked and normalised before any git work, so that git never refuses it halfway.
struct RestorePlan {
    /// The short branch name (`main`).
    let branch: String
    let path: RepositoryPath
    /// The lowercased 40-hex target commit id.
    let target: String
    let committer: GitSignature
    /// The message as `git commit` would store it: trailing spaces and extra blank lines removed, one final newline.
    let message: String

    init(_ request: RestoreCommitRequest, url: RemoteURL) throws {
        let shown = url.redacted
        // Message clean-up and name checks allocate through libgit2, which must be set up first.
        guard LibGit2.isInitialized else {
            throw GitError(.cache, .openCache, url: shown, message: "libgit2 failed to initialise")
        }
        branch =
            request.branch.hasPrefix("refs/heads/")
            ? String(request.branch.dropFirst("refs/heads/".count)) : request.branch
        guard !branch.isEmpty, LibGit2.isValidReferenceName("refs/heads/" + branch) else {
            throw GitError(
                .invalidRequest, .commit, url: shown,
                message: "\"\(request.branch)\" is not a valid branch name (repository \(shown))")
        }
        guard let path = RepositoryPath(validating: request.path) else {
            throw GitError(
                .invalidPath, .commit, url: shown,
                message: "path \(request.path) is not allowed: it must be relative to the repository root "
                    + "and must not contain '..' (repository \(shown))")
        }
        self.path = path
        target = request.target.lowercased()
        guard LibGit2.isFullCommitID(target) else {
            throw GitError(
                .commitNotFound, .commit, url: shown,
                message: "\(request.target) is not a full 40-hex commit id (repository \(shown))")
        }
        if let problem = request.committer.problem {
            throw GitError(.invalidRequest, .commit, url: shown, message: "\(problem) (repository \(shown))")
        }
        committer = request.committer
        message = Self.cleanedUp(request.message)
        guard !message.isEmpty else {
            throw GitError(.invalidRequest, .commit, url: shown, message: "the commit message is empty")
        }
    }

    /// libgit2's `git_message_prettify`, keeping `#` lines; empty when nothing but whitespace is left.
    private static func cleanedUp(_ message: String) -> String {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_message_prettify(&buffer, message, 0, 0) == 0, let text = buffer.ptr else { return "" }
        return String(cString: text)
    }
}
