import CapstanModel

/// Makes git hold an earlier revision again: a commit on the app's branch whose tree under the app's path equals
/// that revision's, pushed to the remote (the server implements it with libgit2).
public protocol RevisionRestorer: Sendable {
    /// Returns the new commit, or nil when the branch already has that tree under the path.
    func restore(app: AppDefinition, to revision: String, message: String) async throws -> String?
}
