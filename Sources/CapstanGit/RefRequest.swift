/// What `resolve(ref:)` was asked for, and how remote ref names map to the local cache's names.
enum RefRequest: Equatable, Sendable {
    /// A full 40-hex commit id.
    case commit(String)
    /// A branch, tag or full ref name: the remote ref names to try, in order.
    case name(String, candidates: [String])

    /// Branch names win over tag names; `refs/...` is taken as is.
    init(_ ref: String) {
        if LibGit2.isFullCommitID(ref) {
            self = .commit(ref.lowercased())
        } else if ref.hasPrefix("refs/") {
            self = .name(ref, candidates: [ref])
        } else {
            self = .name(ref, candidates: ["refs/heads/\(ref)", "refs/tags/\(ref)"])
        }
    }

    /// Fetched into the cache on every fetch: all branches (followed through force pushes) and all tags.
    static let baseRefspecs = ["+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*"]

    /// Where a remote ref lives in the cache: branches under `refs/remotes/origin/`, tags as is,
    /// anything else under `refs/capstan/`.
    static func localName(forRemote name: String) -> String {
        if name.hasPrefix("refs/heads/") { return "refs/remotes/origin/" + name.dropFirst("refs/heads/".count) }
        if name.hasPrefix("refs/tags/") { return name }
        return "refs/capstan/" + name.dropFirst("refs/".count)
    }

    /// The extra refspec needed to fetch `name`, when the base refspecs do not cover it.
    static func extraRefspec(forRemote name: String) -> String? {
        if name.hasPrefix("refs/heads/") || name.hasPrefix("refs/tags/") { return nil }
        return "+\(name):\(localName(forRemote: name))"
    }
}
