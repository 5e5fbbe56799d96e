import CLibGit2

/// An open connection to origin and the refs it advertised (peeled `^{}` entries left out).
struct RemoteConnection {
    let remote: OpaquePointer
    let context: TransportContext
    let operation: GitError.Operation
    let advertised: [String: git_oid]
    let ref: String?
}
