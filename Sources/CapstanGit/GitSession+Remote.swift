import CLibGit2
import Foundation

extension GitSession {
    /// The operation name for the next download: `clone` into an empty cache, else `fetch`.
    var downloadOperation: GitError.Operation { needsClone ? .clone : .fetch }

    /// Connects to origin, lists its refs (`git_remote_connect` + `git_remote_ls`) and runs `body`
    /// with the connection still open, so a following fetch reuses it.
    func withRemote<T>(
        _ repository: OpaquePointer, ref: String? = nil,
        _ body: (RemoteConnection) throws -> T
    ) throws -> T {
        let operation = downloadOperation
        let remote = try originRemote(repository)
        defer { git_remote_free(remote) }
        var code: Int32 = 0
        let context = TransportContext(url: url, credentials: credentials)
        return try withExtendedLifetime(context) {
            var callbacks = context.makeCallbacks()
            activity.withLock { $0.remoteListings += 1 }
            code = git_remote_connect(remote, GIT_DIRECTION_FETCH, &callbacks, nil, nil)
            defer { git_remote_disconnect(remote) }
            guard code == 0 else { throw remoteError(operation, code: code, context: context, ref: ref) }
            var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
            var count = 0
            code = git_remote_ls(&heads, &count, remote)
            guard code == 0 else { throw remoteError(operation, code: code, context: context, ref: ref) }
            var advertised: [String: git_oid] = [:]
            for index in 0..<count {
                guard let head = heads?[index]?.pointee, let name = head.name else { continue }
                let refName = String(cString: name)
                if !refName.hasSuffix("^{}") { advertised[refName] = head.oid }
            }
            return try body(
                RemoteConnection(
                    remote: remote, context: context, operation: operation, advertised: advertised, ref: ref))
        }
    }

    /// Downloads every branch and tag (plus `extraRefspecs`) over `connection`, force-updating and pruning.
    func fetch(_ connection: RemoteConnection, extraRefspecs: [String] = []) throws {
        var options = git_fetch_options()
        git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION))
        options.callbacks = connection.context.makeCallbacks()
        options.prune = GIT_FETCH_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        activity.withLock {
            if connection.operation == .clone { $0.clones += 1 } else { $0.fetches += 1 }
        }
        let code = withStringArray(RefRequest.baseRefspecs + extraRefspecs) { refspecs in
            git_remote_fetch(connection.remote, refspecs, &options, "capstan: \(connection.operation)")
        }
        guard code == 0 else {
            throw remoteError(connection.operation, code: code, context: connection.context, ref: connection.ref)
        }
        markCloned()
    }

    /// A GitError for a failed remote operation, preferring the reason our callbacks recorded.
    func remoteError(
        _ operation: GitError.Operation, code: Int32, context: TransportContext, ref: String?
    ) -> GitError {
        let detail = scrubber.scrub(LibGit2.lastErrorMessage(code: code))
        let shown = url.redacted
        if let reason = context.authenticationFailure {
            return GitError(
                .authentication, operation, url: shown,
                message: "\(operation) of \(shown) failed: \(reason)", ref: ref, libgit2Message: detail)
        }
        if let reason = context.hostKeyFailure {
            return GitError(
                .untrustedServer, operation, url: shown,
                message: "\(operation) of \(shown) failed: \(reason)", ref: ref, libgit2Message: detail)
        }
        let kind: GitError.Kind =
            switch code {
            case GIT_EAUTH.rawValue: .authentication
            case GIT_ECERTIFICATE.rawValue: .untrustedServer
            default: .transport
            }
        return GitError(
            kind, operation, url: shown, message: "\(operation) of \(shown) failed: \(detail)",
            ref: ref, libgit2Message: detail)
    }

    /// Runs `body` with `strings` as a `git_strarray` that lives only for the call.
    func withStringArray<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { for pointer in pointers { free(pointer) } }
        return pointers.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return body(&array)
        }
    }
}
