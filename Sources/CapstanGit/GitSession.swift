import CLibGit2
import Foundation
import Synchronization

/// The libgit2 side of one `LibGit2Repository`: the open bare cache repository and everything done to it.
///
/// Confined to its repository's serial queue (hence `@unchecked Sendable`); only `activity` is read elsewhere.
final class GitSession: @unchecked Sendable {
    let url: RemoteURL
    let credentials: GitCredentials
    let scrubber: SecretScrubber
    /// The directory that holds the bare clone.
    let cacheDirectory: String
    /// The bare clone itself: `<cacheDirectory>/repository.git`.
    let repositoryPath: String
    let activity = Mutex(RepositoryActivity())

    private var repository: OpaquePointer?
    /// True until a fetch into the cache succeeds: the next download is a clone.
    private(set) var needsClone = true

    init(url: String, cacheDirectory: String, credentials: GitCredentials) {
        self.url = RemoteURL(url)
        self.credentials = credentials
        self.scrubber = SecretScrubber(url: self.url, credentials: credentials)
        self.cacheDirectory = cacheDirectory
        self.repositoryPath = (cacheDirectory as NSString).appendingPathComponent("repository.git")
    }

    deinit {
        if let repository { git_repository_free(repository) }
    }

    /// Runs `body`; if it fails because the cache is unreadable, wipes the cache and runs it once more.
    func withCacheRecovery<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError where error.kind == .cache && error.operation != .openCache {
            try wipe()
            return try body()
        }
    }

    /// The open cache repository: the existing one if it is a bare clone of `url`, else a fresh empty one.
    func openRepository() throws -> OpaquePointer {
        if let repository { return repository }
        guard LibGit2.isInitialized else {
            throw GitError(.cache, .openCache, url: url.redacted, message: "libgit2 failed to initialise")
        }
        if let existing = openExisting() {
            repository = existing
            needsClone = !hasReferences(existing)
            return existing
        }
        if FileManager.default.fileExists(atPath: repositoryPath) { try wipe() }
        let created = try createRepository()
        repository = created
        needsClone = true
        return created
    }

    /// Marks the cache as populated after a successful download.
    func markCloned() {
        needsClone = false
    }

    /// Closes and deletes the cache repository, so the next operation clones again.
    func wipe() throws {
        if let repository { git_repository_free(repository) }
        repository = nil
        needsClone = true
        activity.withLock { $0.cacheResets += 1 }
        guard FileManager.default.fileExists(atPath: repositoryPath) else { return }
        do {
            try FileManager.default.removeItem(atPath: repositoryPath)
        } catch {
            throw GitError(
                .cache, .openCache, url: url.redacted,
                message: "cannot delete the broken git cache \(repositoryPath) of \(url.redacted): \(error)")
        }
    }

    /// A GitError from the last libgit2 failure on a local (cache) operation.
    func cacheError(
        _ operation: GitError.Operation, _ what: String, code: Int32, ref: String? = nil,
        path: String? = nil
    ) -> GitError {
        let detail = scrubber.scrub(LibGit2.lastErrorMessage(code: code))
        return GitError(
            .cache, operation, url: url.redacted,
            message: "\(what) in the git cache of \(url.redacted) failed: \(detail)",
            ref: ref, path: path, libgit2Message: detail)
    }

    private func openExisting() -> OpaquePointer? {
        guard FileManager.default.fileExists(atPath: repositoryPath) else { return nil }
        var opened: OpaquePointer?
        let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue | GIT_REPOSITORY_OPEN_BARE.rawValue
        guard git_repository_open_ext(&opened, repositoryPath, flags, nil) == 0, let opened else { return nil }
        var remote: OpaquePointer?
        if git_repository_is_bare(opened) == 1, git_remote_lookup(&remote, opened, "origin") == 0, let remote {
            defer { git_remote_free(remote) }
            if let configured = git_remote_url(remote), String(cString: configured) == url.raw { return opened }
        }
        git_repository_free(opened)
        return nil
    }

    private func createRepository() throws -> OpaquePointer {
        do {
            try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        } catch {
            throw GitError(
                .cache, .openCache, url: url.redacted,
                message: "cannot create the git cache directory \(cacheDirectory): \(error)")
        }
        var created: OpaquePointer?
        var code = git_repository_init(&created, repositoryPath, 1)
        guard code == 0, let created else {
            throw cacheError(.openCache, "creating \(repositoryPath)", code: code)
        }
        var remote: OpaquePointer?
        code = git_remote_create_with_fetchspec(&remote, created, "origin", url.raw, RefRequest.baseRefspecs[0])
        if code == 0 { code = git_remote_add_fetch(created, "origin", RefRequest.baseRefspecs[1]) }
        if code == 0 { code = git_remote_set_autotag(created, "origin", GIT_REMOTE_DOWNLOAD_TAGS_NONE) }
        if let remote { git_remote_free(remote) }
        guard code == 0 else {
            let error = cacheError(.openCache, "configuring remote origin", code: code)
            git_repository_free(created)
            throw error
        }
        return created
    }

    private func hasReferences(_ repository: OpaquePointer) -> Bool {
        var iterator: OpaquePointer?
        guard git_reference_iterator_new(&iterator, repository) == 0, let iterator else { return false }
        defer { git_reference_iterator_free(iterator) }
        var reference: OpaquePointer?
        guard git_reference_next(&reference, iterator) == 0 else { return false }
        git_reference_free(reference)
        return true
    }
}
