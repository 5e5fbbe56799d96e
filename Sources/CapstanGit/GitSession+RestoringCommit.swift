import CLibGit2

extension GitSession {
    /// Writes a commit on `head` whose tree is the head's with `plan.path` as it is at `target` (removed when
    /// `target` has nothing there); nil when the head already has exactly that content, so nothing is written.
    func makeRestoringCommit(
        _ plan: RestorePlan, head: git_oid, target: OpaquePointer, in repository: OpaquePointer
    ) throws -> git_oid? {
        let headID = LibGit2.hex(head)
        guard let parent = try lookupCommit(headID, in: repository, operation: .commit) else {
            throw GitError(
                .cache, .commit, url: url.redacted,
                message: "the head \(headID) of branch \(plan.branch) is missing from the git cache of "
                    + "\(url.redacted) after a fetch")
        }
        defer { git_commit_free(parent) }
        let headTree = try tree(of: parent, id: headID)
        defer { git_tree_free(headTree) }
        let targetTree = try tree(of: target, id: plan.target)
        defer { git_tree_free(targetTree) }

        let splicer = TreeSplicer(session: self, repository: repository)
        var treeID = try splicer.splice(
            headTree, at: plan.path, with: splicer.entry(at: plan.path, in: targetTree))
        if git_oid_cmp(&treeID, git_tree_id(headTree)) == 0 { return nil }

        var newTree: OpaquePointer?
        var code = git_tree_lookup(&newTree, repository, &treeID)
        guard code == 0, let newTree else { throw cacheError(.commit, "reading the new tree", code: code) }
        defer { git_tree_free(newTree) }
        var signature: UnsafeMutablePointer<git_signature>?
        code = git_signature_now(&signature, plan.committer.name, plan.committer.email)
        guard code == 0, let signature else {
            let detail = LibGit2.lastErrorMessage(code: code)
            throw GitError(
                .invalidRequest, .commit, url: url.redacted,
                message: "git refuses the committer \(plan.committer): \(detail)", libgit2Message: detail)
        }
        defer { git_signature_free(signature) }
        var parents: [OpaquePointer?] = [parent]
        var id = git_oid()
        code = git_commit_create(&id, repository, nil, signature, signature, nil, plan.message, newTree, 1, &parents)
        guard code == 0 else { throw cacheError(.commit, "writing the commit on \(plan.branch)", code: code) }
        return id
    }

    /// The root tree of `commit` (caller frees it).
    private func tree(of commit: OpaquePointer, id: String) throws -> OpaquePointer {
        var tree: OpaquePointer?
        let code = git_commit_tree(&tree, commit)
        guard code == 0, let tree else { throw cacheError(.commit, "reading the tree of commit \(id)", code: code) }
        return tree
    }
}
