import CapstanModel

/// Reads manifests from a git repository: the reader half of the source (`SourceWriter` is the writer half).
public protocol ManifestSource: Sendable {
    /// Brings the local copy up to date with the remote and resolves `ref` to a commit.
    ///
    /// `ref` is a branch name, a tag name, a full `refs/...` name or a full 40-hex commit id.
    func resolve(ref: String) async throws -> Revision

    /// The files under the repository-relative directory `path` ("" or "." = root) at `commit`, sorted by path.
    func files(at commit: String, under path: String) async throws -> [SourceFile]
}
