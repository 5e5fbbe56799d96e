import CapstanModel
import CapstanThreads

/// A `ManifestSource` and `SourceWriter` backed by libgit2: a bare clone in a cache directory, fetched incrementally.
///
/// libgit2 calls block, so each repository runs them on a thread of its own (`SerialThread`), never on Swift's
/// cooperative pool or Dispatch's; one object is safe to use from many tasks at once (calls run one after another).
public final class LibGit2Repository: ManifestSource, SourceWriter {
    /// The repository URL with credentials removed, for display.
    public let displayURL: String
    /// Where the bare clone lives: `<cacheDirectory>/repository.git`.
    public let cachePath: String

    private let session: GitSession
    private let thread: SerialThread

    /// - Parameters:
    ///   - url: `https://`, `http://`, `ssh://`, scp-like `user@host:path` or `file://`.
    ///   - cacheDirectory: a directory owned by this repository; the bare clone is created inside it
    ///     and reused across restarts (wiped and re-cloned if corrupt or cloned from another URL).
    public init(url: String, cacheDirectory: String, credentials: GitCredentials = .none) {
        session = GitSession(url: url, cacheDirectory: cacheDirectory, credentials: credentials)
        displayURL = session.url.redacted
        cachePath = session.repositoryPath
        thread = SerialThread(name: "capstan-git")
    }

    public func resolve(ref: String) async throws -> Revision {
        try await perform { try $0.resolve(ref) }
    }

    public func files(at commit: String, under path: String) async throws -> [SourceFile] {
        try await perform { try $0.files(at: commit, under: path) }
    }

    /// Commits on `request.branch` the head's tree with `request.path` as it is at `request.target`, and pushes
    /// it with this repository's credentials; retries once on the new head when another push wins the race.
    public func commitRestoringPath(_ request: RestoreCommitRequest) async throws -> RestoreCommitResult {
        try await perform { try $0.commitRestoringPath(request) }
    }

    /// What this object has done so far (clones, fetches, remote listings, cache resets).
    public var activity: RepositoryActivity {
        session.activity.withLock { $0 }
    }

    /// Runs `work` on the repository's thread and resumes the caller when it is done.
    private func perform<T: Sendable>(_ work: @escaping @Sendable (GitSession) throws -> T) async throws -> T {
        try Task.checkCancellation()
        let session = self.session
        return try await thread.run { try work(session) }
    }
}
