import CLibGit2
import CapstanModel

/// Reads the blobs under one directory of a commit's tree, following symlinks that stay inside it.
struct TreeReader {
    /// How many symlinks a chain may pass through before it is refused.
    static let maximumLinkHops = 8

    let session: GitSession
    let repository: OpaquePointer
    /// The commit's root tree.
    let root: OpaquePointer
    let base: RepositoryPath
    let commit: String
    let requestedPath: String

    /// Every regular, executable and (followed) symlinked file under `base`, sorted by path.
    func read() throws -> [SourceFile] {
        var files: [SourceFile] = []
        if base.isRoot {
            try collect(root, at: base, into: &files)
        } else {
            guard let entry = entry(at: base) else {
                throw failure(
                    .pathNotFound,
                    "path \(base) not found at commit \(shortCommit) of \(session.url.redacted)")
            }
            defer { git_tree_entry_free(entry) }
            guard git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE else {
                throw failure(
                    .pathNotFound,
                    "path \(base) at commit \(shortCommit) of \(session.url.redacted) is not a directory")
            }
            let tree = try lookupTree(git_tree_entry_id(entry).pointee)
            defer { git_tree_free(tree) }
            try collect(tree, at: base, into: &files)
        }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private var shortCommit: String { String(commit.prefix(7)) }

    private func collect(_ tree: OpaquePointer, at directory: RepositoryPath, into files: inout [SourceFile]) throws {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let path = directory.appending(String(cString: git_tree_entry_name(entry)))
            let id = git_tree_entry_id(entry).pointee
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_TREE:
                let subtree = try lookupTree(id)
                defer { git_tree_free(subtree) }
                try collect(subtree, at: path, into: &files)
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
                files.append(SourceFile(path: path.description, contents: try blob(id)))
            case GIT_FILEMODE_LINK:
                files.append(SourceFile(path: path.description, contents: try followLink(path, blob: id)))
            default:
                continue  // submodules (commit entries) have no content here
            }
        }
    }

    /// The contents of the file a symlink chain ends at, if every hop stays inside `base`.
    private func followLink(_ link: RepositoryPath, blob id: git_oid) throws -> [UInt8] {
        var current = link
        var target = String(decoding: try blob(id), as: UTF8.self)
        for _ in 0..<Self.maximumLinkHops {
            let shown = "symlink \(link) -> \(target) at commit \(shortCommit) of \(session.url.redacted)"
            guard !target.hasPrefix("/") else {
                throw failure(.unsafeSymlink, "\(shown) is refused: its target is an absolute path")
            }
            guard let resolved = current.resolvingLinkTarget(target), base.contains(resolved) else {
                let scope = base.isRoot ? "the repository" : base.description
                throw failure(.unsafeSymlink, "\(shown) is refused: its target is outside \(scope)")
            }
            guard let entry = entry(at: resolved) else {
                throw failure(.unsafeSymlink, "\(shown) is refused: \(resolved) does not exist")
            }
            defer { git_tree_entry_free(entry) }
            let targetID = git_tree_entry_id(entry).pointee
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE:
                return try blob(targetID)
            case GIT_FILEMODE_LINK:
                current = resolved
                target = String(decoding: try blob(targetID), as: UTF8.self)
            default:
                throw failure(
                    .unsafeSymlink,
                    "\(shown) is refused: \(resolved) is a directory or submodule, "
                        + "and only links to files are followed")
            }
        }
        throw failure(
            .unsafeSymlink,
            "symlink \(link) at commit \(shortCommit) of \(session.url.redacted) "
                + "is refused: more than \(Self.maximumLinkHops) links in a chain")
    }

    /// The tree entry at `path` from the root (caller frees it); nil when nothing is there.
    private func entry(at path: RepositoryPath) -> OpaquePointer? {
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, root, path.description) == 0 else { return nil }
        return entry
    }

    private func lookupTree(_ id: git_oid) throws -> OpaquePointer {
        var id = id
        var tree: OpaquePointer?
        let code = git_tree_lookup(&tree, repository, &id)
        guard code == 0, let tree else {
            throw session.cacheError(.readFiles, "reading tree \(LibGit2.hex(id))", code: code, path: requestedPath)
        }
        return tree
    }

    private func blob(_ id: git_oid) throws -> [UInt8] {
        var id = id
        var blob: OpaquePointer?
        let code = git_blob_lookup(&blob, repository, &id)
        guard code == 0, let blob else {
            throw session.cacheError(.readFiles, "reading blob \(LibGit2.hex(id))", code: code, path: requestedPath)
        }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }

    private func failure(_ kind: GitError.Kind, _ message: String) -> GitError {
        GitError(kind, .readFiles, url: session.url.redacted, message: message, path: requestedPath)
    }
}
