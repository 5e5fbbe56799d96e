/// Where something came from: a repository-relative file and a 1-based line.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `path/to/file.yaml:12`
    public var description: String { "\(file):\(line)" }
}
