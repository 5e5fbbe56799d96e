/// A file read from the source at one commit: its path relative to the repository root and its bytes.
public struct SourceFile: Sendable, Hashable {
    /// Repository-relative path with `/` separators, e.g. `apps/guestbook/frontend.yaml`.
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }
}
