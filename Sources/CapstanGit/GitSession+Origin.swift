import CLibGit2

extension GitSession {
    /// An in-memory remote for the cache's origin URL, owned by the caller (`git_remote_free`).
    ///
    /// Not `git_remote_lookup(…, "origin")`: that reads the repository's configuration through libgit2's
    /// regex-based iterator (`url.*.insteadOf`), and libgit2 1.5 leaks the PCRE2 match data of every such
    /// read — about 150 KB per reconcile, without bound in a long-running service. The cache's configuration
    /// holds nothing the remote needs: the URL is the session's, refspecs are given to every fetch and push.
    func originRemote(_ repository: OpaquePointer) throws -> OpaquePointer {
        var options = git_remote_create_options()
        git_remote_create_options_init(&options, UInt32(GIT_REMOTE_CREATE_OPTIONS_VERSION))
        options.repository = repository
        options.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF.rawValue | GIT_REMOTE_CREATE_SKIP_DEFAULT_FETCHSPEC.rawValue
        var remote: OpaquePointer?
        let code = git_remote_create_with_opts(&remote, url.raw, &options)
        guard code == 0, let remote else { throw cacheError(.openCache, "preparing remote origin", code: code) }
        return remote
    }
}
