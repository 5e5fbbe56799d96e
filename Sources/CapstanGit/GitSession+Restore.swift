import CLibGit2

extension GitSession {
    /// Push attempts for one restore: the first, and one rebuilt on the new head when another push won the race.
    static let restorePushAttempts = 2

    /// Fetches the branch, commits its head's tree with `request.path` as it is at `request.target`, and pushes
    /// the commit to the branch; when the push loses a race, fetches again and retries once on the new head.
    func commitRestoringPath(_ request: RestoreCommitRequest) throws -> RestoreCommitResult {
        do {
            let plan = try RestorePlan(request, url: url)
            return try withCacheRecovery {
                let repository = try openRepository()
                var lastRejection = ""
                for _ in 0..<Self.restorePushAttempts {
                    let head = try fetchBranchHead(plan.branch, in: repository)
                    let target = try restoreTarget(plan.target, in: repository)
                    defer { git_commit_free(target) }
                    guard let commit = try makeRestoringCommit(plan, head: head, target: target, in: repository)
                    else {
                        let id = LibGit2.hex(head)
                        return RestoreCommitResult(commit: id, parent: id, unchanged: true)
                    }
                    switch try push(commit, toBranch: plan.branch, in: repository) {
                    case .pushed:
                        return RestoreCommitResult(
                            commit: LibGit2.hex(commit), parent: LibGit2.hex(head), unchanged: false)
                    case .branchMoved(let reason):
                        lastRejection = reason
                    }
                }
                throw GitError(
                    .branchMoved, .push, url: url.redacted,
                    message: "push to \(url.redacted) was refused \(Self.restorePushAttempts) times because "
                        + "branch \(plan.branch) moved on the remote meanwhile (last reason: \(lastRejection))")
            }
        } catch let error as GitError {
            throw restoreFailure(error, request)
        }
    }

    /// Lists the remote's refs, fetches when `branch` moved, and returns the commit the branch points to.
    private func fetchBranchHead(_ branch: String, in repository: OpaquePointer) throws -> git_oid {
        let remoteName = "refs/heads/" + branch
        return try withRemote(repository, ref: branch) { connection in
            guard var wanted = connection.advertised[remoteName] else {
                throw GitError(
                    .refNotFound, connection.operation, url: url.redacted,
                    message: "branch \(branch) not found in \(url.redacted)", ref: branch)
            }
            var local = git_oid()
            let localName = RefRequest.localName(forRemote: remoteName)
            if git_reference_name_to_id(&local, repository, localName) != 0 || git_oid_cmp(&local, &wanted) != 0 {
                try fetch(connection)
            }
            return wanted
        }
    }

    /// The target commit from the cache (caller frees it), after one full fetch when the cache lacks it.
    private func restoreTarget(_ id: String, in repository: OpaquePointer) throws -> OpaquePointer {
        if let commit = try lookupCommit(id, in: repository, operation: .commit) { return commit }
        try withRemote(repository) { try fetch($0) }
        if let commit = try lookupCommit(id, in: repository, operation: .commit) { return commit }
        throw GitError(
            .commitNotFound, .commit, url: url.redacted,
            message: "commit \(id) not found in \(url.redacted) (not reachable from any branch or tag)")
    }

    /// `error` with the restore it interrupted: branch, path, target, and whether retrying may help.
    private func restoreFailure(_ error: GitError, _ request: RestoreCommitRequest) -> GitError {
        var error = error
        let scope = RepositoryPath(validating: request.path).map { $0.isRoot ? "the whole tree" : "\($0)" }
        error.ref = request.branch
        error.path = request.path
        error.message +=
            " (restoring \(scope ?? request.path) to \(request.target.prefix(12)) on branch \(request.branch); "
            + (error.isRetryable ? "retrying may help)" : "retrying will not help)")
        return error
    }
}
