import CapstanConfig
import CapstanCore
import CapstanGit

/// Rollback commits through the same libgit2 repositories (and credentials) the apps' loops read from.
struct GitRevisionRestorer: RevisionRestorer {
    /// App name → the repository its loop reads.
    let repositories: [String: LibGit2Repository]
    let committer: GitCommitter

    func restore(app: AppDefinition, to revision: String, message: String) async throws -> String? {
        guard let repository = repositories[app.name] else {
            throw RollbackError("app \(app.name) has no git repository to write to")
        }
        let path = app.source.path == "." ? "" : app.source.path
        let result = try await repository.commitRestoringPath(
            RestoreCommitRequest(
                branch: app.source.ref, path: path, target: revision,
                committer: GitSignature(name: committer.name, email: committer.email), message: message))
        return result.unchanged ? nil : result.commit
    }
}
