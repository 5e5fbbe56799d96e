import CLibGit2

extension GitSession {
    /// Pushes `commit` to `refs/heads/<branch>` of origin (never forced) and, when accepted, moves the cache's
    /// remote-tracking branch to it, so the next resolve sees it as the head without downloading anything.
    func push(_ commit: git_oid, toBranch branch: String, in repository: OpaquePointer) throws -> PushOutcome {
        let remote = try originRemote(repository)
        defer { git_remote_free(remote) }
        var code: Int32 = 0
        let remoteName = "refs/heads/" + branch
        // libgit2 pushes from a reference, not a bare commit id: a scratch one, deleted again afterwards.
        let scratchName = "refs/capstan-push/heads/" + branch
        var source = commit
        var scratch: OpaquePointer?
        code = git_reference_create(&scratch, repository, scratchName, &source, 1, "capstan: push")
        guard code == 0, let scratch else { throw cacheError(.push, "preparing \(scratchName)", code: code) }
        defer {
            git_reference_delete(scratch)
            git_reference_free(scratch)
        }
        let context = TransportContext(url: url, credentials: credentials)
        code = withExtendedLifetime(context) {
            var options = git_push_options()
            git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION))
            options.callbacks = context.makeCallbacks()
            activity.withLock { $0.pushes += 1 }
            return withStringArray(["\(scratchName):\(remoteName)"]) { refspecs in
                git_remote_push(remote, refspecs, &options)
            }
        }
        // libgit2 refuses locally when the remote's head is not an ancestor of the commit (or is unknown here).
        if code == GIT_ENONFASTFORWARD.rawValue {
            return .branchMoved(scrubber.scrub(LibGit2.lastErrorMessage(code: code)))
        }
        guard code == 0 else {
            var error = remoteError(.push, code: code, context: context, ref: branch)
            error.message = "push of branch \(branch) to " + error.message.dropFirst("push of ".count)
            throw error
        }
        if let reason = context.pushRejections[remoteName].map(scrubber.scrub) {
            if PushOutcome.isBranchMoved(reason) { return .branchMoved(reason) }
            throw GitError(
                .pushRejected, .push, url: url.redacted,
                message: "\(url.redacted) refused to update branch \(branch): \(reason)", ref: branch,
                libgit2Message: reason)
        }
        // libgit2 already moved it when origin's fetch refspec matches; if this fails, the next resolve fetches.
        var pushed = commit
        var tracking: OpaquePointer?
        if git_reference_create(
            &tracking, repository, RefRequest.localName(forRemote: remoteName), &pushed, 1, "capstan: push") == 0
        {
            git_reference_free(tracking)
        }
        return .pushed
    }
}
