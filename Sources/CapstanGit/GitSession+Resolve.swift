import CLibGit2
import CapstanModel
import Foundation

extension GitSession {
    /// Resolves a branch, tag, `refs/...` name or full commit id to a commit, fetching only when needed.
    func resolve(_ ref: String) throws -> Revision {
        guard !ref.isEmpty else {
            throw GitError(
                .refNotFound, .resolve, url: url.redacted,
                message: "empty ref for \(url.redacted)", ref: ref)
        }
        return try withCacheRecovery {
            let repository = try openRepository()
            switch RefRequest(ref) {
            case .commit(let id):
                return try resolveCommit(id, ref: ref, in: repository)
            case .name(_, let candidates):
                return try resolveName(ref, candidates: candidates, in: repository)
            }
        }
    }

    /// A commit id is immutable: no network when the cache has it; one full fetch when it does not.
    private func resolveCommit(_ id: String, ref: String, in repository: OpaquePointer) throws -> Revision {
        if let revision = try revision(ofCommit: id, in: repository, ref: ref) { return revision }
        try withRemote(repository, ref: ref) { try fetch($0) }
        if let revision = try revision(ofCommit: id, in: repository, ref: ref) { return revision }
        throw GitError(
            .commitNotFound, .resolve, url: url.redacted,
            message: "commit \(id) not found in \(url.redacted) (not reachable from any branch or tag)",
            ref: ref)
    }

    /// Lists the remote's refs; fetches only when the wanted ref moved (or is not in the cache yet).
    private func resolveName(_ ref: String, candidates: [String], in repository: OpaquePointer) throws -> Revision {
        let valid = candidates.filter(LibGit2.isValidReferenceName)
        guard !valid.isEmpty else {
            throw GitError(
                .refNotFound, .resolve, url: url.redacted,
                message: "\"\(ref)\" is not a valid branch, tag or ref name (repository \(url.redacted))",
                ref: ref)
        }
        let localName = try withRemote(repository, ref: ref) { connection -> String in
            guard let remoteName = valid.first(where: { connection.advertised[$0] != nil }),
                var wanted = connection.advertised[remoteName]
            else {
                throw GitError(
                    .refNotFound, .resolve, url: url.redacted,
                    message: "ref \(ref) not found in \(url.redacted) (no branch or tag of that name)",
                    ref: ref)
            }
            let localName = RefRequest.localName(forRemote: remoteName)
            var local = git_oid()
            let upToDate =
                git_reference_name_to_id(&local, repository, localName) == 0
                && git_oid_cmp(&local, &wanted) == 0
            if !upToDate {
                try fetch(connection, extraRefspecs: RefRequest.extraRefspec(forRemote: remoteName).map { [$0] } ?? [])
            }
            return localName
        }
        return try revision(ofReference: localName, in: repository, ref: ref)
    }

    /// The commit a local reference points to, peeling annotated tags.
    private func revision(ofReference name: String, in repository: OpaquePointer, ref: String) throws -> Revision {
        var reference: OpaquePointer?
        var code = git_reference_lookup(&reference, repository, name)
        guard code == 0, let reference else { throw cacheError(.resolve, "reading \(name)", code: code, ref: ref) }
        defer { git_reference_free(reference) }
        var object: OpaquePointer?
        code = git_reference_peel(&object, reference, GIT_OBJECT_COMMIT)
        guard code == 0, let object else {
            if code == GIT_EPEEL.rawValue || code == GIT_EINVALIDSPEC.rawValue {
                throw GitError(
                    .refNotFound, .resolve, url: url.redacted,
                    message: "ref \(ref) of \(url.redacted) does not point to a commit", ref: ref)
            }
            throw cacheError(.resolve, "reading the commit of \(name)", code: code, ref: ref)
        }
        defer { git_object_free(object) }
        return Self.revision(of: object)
    }

    /// The commit `id` from the cache; nil when the cache does not have it.
    func revision(ofCommit id: String, in repository: OpaquePointer, ref: String?) throws -> Revision? {
        guard let commit = try lookupCommit(id, in: repository, operation: .resolve) else { return nil }
        defer { git_commit_free(commit) }
        return Self.revision(of: commit)
    }

    /// The commit `id` from the cache (caller frees it); nil when the cache does not have it.
    func lookupCommit(
        _ id: String, in repository: OpaquePointer, operation: GitError.Operation
    ) throws -> OpaquePointer? {
        guard var oid = LibGit2.oid(id) else { return nil }
        var commit: OpaquePointer?
        let code = git_commit_lookup(&commit, repository, &oid)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        guard code == 0, let commit else { throw cacheError(operation, "reading commit \(id)", code: code) }
        return commit
    }

    static func revision(of commit: OpaquePointer) -> Revision {
        let id = git_commit_id(commit).map { LibGit2.hex($0.pointee) } ?? ""
        let author = git_commit_author(commit)?.pointee
        return Revision(
            id: id,
            author: author?.name.map { String(cString: $0) } ?? "",
            authorEmail: author?.email.map { String(cString: $0) } ?? "",
            message: git_commit_message(commit).map { String(cString: $0) } ?? "",
            date: Date(timeIntervalSince1970: TimeInterval(author?.when.time ?? 0)))
    }
}
