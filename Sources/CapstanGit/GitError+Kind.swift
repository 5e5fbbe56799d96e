extension GitError {
    /// The kinds of git source failures; a struct over a private enum so kinds can be added later.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case transport, authentication, untrustedServer, cache
            case refNotFound, commitNotFound, pathNotFound, invalidPath, unsafeSymlink
            case branchMoved, pushRejected, invalidRequest
        }

        private let base: Base

        /// The remote could not be reached or the transfer failed (network, missing repository, server error).
        public static let transport = Kind(base: .transport)
        /// The remote refused the configured credentials, or wants credentials and none are configured.
        public static let authentication = Kind(base: .authentication)
        /// The ssh host key is missing from (or differs from) the configured known_hosts file,
        /// or the TLS certificate is invalid.
        public static let untrustedServer = Kind(base: .untrustedServer)
        /// The local cache repository could not be created, opened or read.
        public static let cache = Kind(base: .cache)
        /// The branch, tag or ref does not exist on the remote.
        public static let refNotFound = Kind(base: .refNotFound)
        /// The commit id does not exist in the repository, even after a fetch.
        public static let commitNotFound = Kind(base: .commitNotFound)
        /// The directory does not exist at that commit (or is a file).
        public static let pathNotFound = Kind(base: .pathNotFound)
        /// The requested path is absolute or contains `..`.
        public static let invalidPath = Kind(base: .invalidPath)
        /// A symlink points outside the requested directory, to an absolute path, to a directory,
        /// to nothing, or through too many links.
        public static let unsafeSymlink = Kind(base: .unsafeSymlink)
        /// Another push moved the branch on the remote while a commit was being pushed, again after one rebuild
        /// on the new head.
        public static let branchMoved = Kind(base: .branchMoved)
        /// The remote refused to update the branch for another reason than a race: a hook, a protected branch.
        public static let pushRejected = Kind(base: .pushRejected)
        /// The request itself cannot be carried out: a malformed branch name, committer or message.
        public static let invalidRequest = Kind(base: .invalidRequest)

        /// Whether the same attempt may succeed later without any change of input.
        public var isRetryable: Bool {
            switch base {
            case .transport, .cache, .branchMoved: true
            case .authentication, .untrustedServer, .refNotFound, .commitNotFound, .pathNotFound, .invalidPath,
                .unsafeSymlink, .pushRejected, .invalidRequest:
                false
            }
        }

        public var description: String { base.rawValue }
    }
}
