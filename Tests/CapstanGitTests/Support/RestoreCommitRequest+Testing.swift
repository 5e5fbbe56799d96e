import CapstanGit

extension RestoreCommitRequest {
    /// The committer every rollback-commit test uses.
    static let testCommitter = GitSignature(name: "Capstan", email: "capstan@example.com")

    /// A request from the test committer with a message naming the path and the target.
    static func restoring(
        _ path: String, to target: String, branch: String = "main", message: String? = nil
    ) -> RestoreCommitRequest {
        RestoreCommitRequest(
            branch: branch, path: path, target: target, committer: testCommitter,
            message: message ?? "Roll back \(path.isEmpty ? "everything" : path) to \(target.prefix(7))")
    }
}
