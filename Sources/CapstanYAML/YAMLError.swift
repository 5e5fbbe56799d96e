import CapstanModel

/// A YAML text that cannot be read: where (file and 1-based line) and why.
///
/// Messages come from libyaml or from Capstan's own checks and never quote scalar contents,
/// so an error about a Secret cannot leak its values.
public struct YAMLError: ClassifiedError, Equatable {
    /// The file name given to the parser, if any.
    public var file: String?
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, when known.
    public var column: Int?
    /// What is wrong, without the file and line.
    public var message: String

    public init(file: String?, line: Int, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Only a change of the text can help.
    public var isRetryable: Bool { false }

    /// `path/to/file.yaml:12: message`, or `line 12: message` without a file name.
    public var description: String {
        if let file { return "\(file):\(line): \(message)" }
        return "line \(line): \(message)"
    }
}
