import CLibGit2

/// Writes a new root tree that is `base` with the entry at one path replaced (or removed), rebuilding every
/// directory above it and keeping their other entries as they are: `apps/shop` → `apps/shop`, `apps`, root.
struct TreeSplicer {
    /// A tree entry to put in place: the object and its file mode (tree, blob, executable, link, submodule).
    struct Entry {
        var id: git_oid
        var mode: git_filemode_t
    }

    let session: GitSession
    let repository: OpaquePointer

    /// The entry at `path` in the tree `root`; nil when nothing is there. The root itself is a tree entry.
    func entry(at path: RepositoryPath, in root: OpaquePointer) -> Entry? {
        guard !path.isRoot else { return git_tree_id(root).map { Entry(id: $0.pointee, mode: GIT_FILEMODE_TREE) } }
        var found: OpaquePointer?
        guard git_tree_entry_bypath(&found, root, path.description) == 0, let found else { return nil }
        defer { git_tree_entry_free(found) }
        return Entry(id: git_tree_entry_id(found).pointee, mode: git_tree_entry_filemode(found))
    }

    /// The id of the tree `base` with `path` set to `replacement` (removed when nil); the root, when emptied,
    /// becomes the empty tree.
    func splice(_ base: OpaquePointer, at path: RepositoryPath, with replacement: Entry?) throws -> git_oid {
        if path.isRoot, let replacement, replacement.mode == GIT_FILEMODE_TREE { return replacement.id }
        if !path.isRoot, let id = try rebuild(base, components: path.components[...], replacement: replacement) {
            return id
        }
        return try write(over: nil, keepingEmpty: true) { _ in } ?? git_oid()
    }

    /// `tree` (nil: an empty directory) with the entry at `components` replaced; nil when the result is empty,
    /// since git stores no empty directories.
    private func rebuild(
        _ tree: OpaquePointer?, components: ArraySlice<String>, replacement: Entry?
    ) throws -> git_oid? {
        let name = components[components.startIndex]
        guard components.count > 1 else {
            return try write(over: tree) { try set(name, to: replacement, in: $0) }
        }
        let child = try subtree(named: name, in: tree)
        defer { if let child { git_tree_free(child) } }
        if child == nil, replacement == nil {
            return tree.flatMap { git_tree_id($0)?.pointee }  // nothing there to remove
        }
        let rebuilt = try rebuild(child, components: components.dropFirst(), replacement: replacement)
        let entry = rebuilt.map { Entry(id: $0, mode: GIT_FILEMODE_TREE) }
        return try write(over: tree) { try set(name, to: entry, in: $0) }
    }

    /// Applies `edits` to a builder seeded with `tree` and writes the result; nil when it has no entries,
    /// unless `keepingEmpty`.
    private func write(
        over tree: OpaquePointer?, keepingEmpty: Bool = false, _ edits: (OpaquePointer) throws -> Void
    ) throws -> git_oid? {
        var made: OpaquePointer?
        var code = git_treebuilder_new(&made, repository, tree)
        guard code == 0, let builder = made else { throw failure("starting a tree", code: code) }
        defer { git_treebuilder_free(builder) }
        try edits(builder)
        if !keepingEmpty, git_treebuilder_entrycount(builder) == 0 { return nil }
        var id = git_oid()
        code = git_treebuilder_write(&id, builder)
        guard code == 0 else { throw failure("writing a tree", code: code) }
        return id
    }

    private func set(_ name: String, to entry: Entry?, in builder: OpaquePointer) throws {
        guard var entry else {
            let code = git_treebuilder_remove(builder, name)
            guard code == 0 || code == GIT_ENOTFOUND.rawValue else { throw failure("removing \(name)", code: code) }
            return
        }
        let code = git_treebuilder_insert(nil, builder, name, &entry.id, entry.mode)
        guard code == 0 else { throw failure("adding \(name) to a tree", code: code) }
    }

    /// The directory `name` in `tree` (caller frees it); nil when absent or not a directory.
    private func subtree(named name: String, in tree: OpaquePointer?) throws -> OpaquePointer? {
        guard let tree, let entry = git_tree_entry_byname(tree, name),
            git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE
        else { return nil }
        var subtree: OpaquePointer?
        let code = git_tree_entry_to_object(&subtree, repository, entry)
        guard code == 0, let subtree else { throw failure("reading directory \(name)", code: code) }
        return subtree
    }

    private func failure(_ what: String, code: Int32) -> GitError {
        session.cacheError(.commit, what, code: code)
    }
}
