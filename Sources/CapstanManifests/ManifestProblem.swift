import CapstanModel

/// One thing wrong with the manifests, at a file and line.
public struct ManifestProblem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var location: SourceLocation
    /// What is wrong; never contains Secret values.
    public var message: String

    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// `path/to/file.yaml:12: message`
    public var description: String { "\(location): \(message)" }

    /// By file, then line, then message.
    public static func < (lhs: ManifestProblem, rhs: ManifestProblem) -> Bool {
        (lhs.location.file, lhs.location.line, lhs.message) < (rhs.location.file, rhs.location.line, rhs.message)
    }
}
