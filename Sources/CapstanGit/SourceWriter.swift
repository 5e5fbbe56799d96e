/// The writer half of a git source, beside the reader `ManifestSource`: makes commits and pushes them.
public protocol SourceWriter: Sendable {
    /// Commits on `request.branch` the head's tree with `request.path` as it is at `request.target`,
    /// and pushes it to the remote. Throws `GitError`.
    func commitRestoringPath(_ request: RestoreCommitRequest) async throws -> RestoreCommitResult
}
