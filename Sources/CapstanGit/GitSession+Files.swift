import CLibGit2
import CapstanModel

extension GitSession {
    /// The files under `path` at `commit`, read from the tree objects of the cache.
    func files(at commit: String, under path: String) throws -> [SourceFile] {
        guard let base = RepositoryPath(validating: path) else {
            throw GitError(
                .invalidPath, .readFiles, url: url.redacted,
                message: "path \(path) is not allowed: it must be relative to the repository root "
                    + "and must not contain '..' (repository \(url.redacted))",
                path: path)
        }
        let commitID = commit.lowercased()
        guard LibGit2.isFullCommitID(commitID) else {
            throw GitError(
                .commitNotFound, .readFiles, url: url.redacted,
                message: "\(commit) is not a full 40-hex commit id (repository \(url.redacted))",
                path: path)
        }
        return try withCacheRecovery {
            let repository = try openRepository()
            let commitObject: OpaquePointer
            if let found = try lookupCommit(commitID, in: repository, operation: .readFiles) {
                commitObject = found
            } else {
                try withRemote(repository) { try fetch($0) }
                guard let found = try lookupCommit(commitID, in: repository, operation: .readFiles) else {
                    throw GitError(
                        .commitNotFound, .readFiles, url: url.redacted,
                        message: "commit \(commitID) not found in \(url.redacted)", path: path)
                }
                commitObject = found
            }
            defer { git_commit_free(commitObject) }
            var tree: OpaquePointer?
            let code = git_commit_tree(&tree, commitObject)
            guard code == 0, let tree else {
                throw cacheError(.readFiles, "reading the tree of commit \(commitID)", code: code, path: path)
            }
            defer { git_tree_free(tree) }
            let reader = TreeReader(
                session: self, repository: repository, root: tree, base: base,
                commit: commitID, requestedPath: path)
            return try reader.read()
        }
    }
}
