import CapstanModel

/// A git source failure: what was attempted, on which repository (URL without credentials), and why.
public struct GitError: ClassifiedError, Hashable {
    /// What kind of failure this is; decides whether retrying can help.
    public var kind: Kind
    /// The operation that failed.
    public var operation: Operation
    /// The repository URL with any userinfo (user, password, token) removed.
    public var url: String
    /// The ref being resolved, when relevant.
    public var ref: String?
    /// The repository path being read, when relevant.
    public var path: String?
    /// libgit2's own message, when the failure came from libgit2 (secrets scrubbed).
    public var libgit2Message: String?
    /// The full human-readable sentence, e.g. `path apps/web not found at commit abc1234 of file:///srv/repo.git`.
    public var message: String

    init(
        _ kind: Kind, _ operation: Operation, url: String, message: String,
        ref: String? = nil, path: String? = nil, libgit2Message: String? = nil
    ) {
        self.kind = kind
        self.operation = operation
        self.url = url
        self.ref = ref
        self.path = path
        self.libgit2Message = libgit2Message
        self.message = message
    }

    /// True for transport and local cache failures; false when only a change of input or configuration helps.
    public var isRetryable: Bool { kind.isRetryable }

    public var description: String { message }
}
