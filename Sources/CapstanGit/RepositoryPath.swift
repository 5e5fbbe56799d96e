/// A normalised repository-relative path: no leading `/`, no `.` or empty components, never `..`.
struct RepositoryPath: Hashable, Sendable, CustomStringConvertible {
    /// The path components; empty for the repository root.
    let components: [String]

    init(components: [String]) {
        self.components = components
    }

    /// Validates a user-supplied directory: nil when it is absolute or has a `..` component.
    /// `""`, `"."`, `"./"` are the root; `"a//b/./c/"` is `a/b/c`.
    init?(validating raw: String) {
        guard !raw.hasPrefix("/") else { return nil }
        var components: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": return nil
            default: components.append(String(part))
            }
        }
        self.components = components
    }

    static let root = RepositoryPath(components: [])

    var isRoot: Bool { components.isEmpty }

    /// `a/b/c`, or `""` for the root.
    var description: String { components.joined(separator: "/") }

    /// The directory holding this path (the root for a top-level entry).
    var parent: RepositoryPath { RepositoryPath(components: components.dropLast()) }

    func appending(_ name: String) -> RepositoryPath {
        RepositoryPath(components: components + [name])
    }

    /// Whether `other` is this path or lies beneath it.
    func contains(_ other: RepositoryPath) -> Bool {
        other.components.starts(with: components)
    }

    /// Where a relative symlink target lands when the link lives in `self`'s parent directory;
    /// nil when the target is absolute or climbs above the repository root.
    func resolvingLinkTarget(_ target: String) -> RepositoryPath? {
        guard !target.hasPrefix("/") else { return nil }
        var components = parent.components
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return RepositoryPath(components: components)
    }
}
