/// One thing wrong with the configuration file: where, which key, and what.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as given (e.g. `config/capstan.yaml`).
    public var file: String
    /// The 1-based line, or nil when the file could not be read at all.
    public var line: Int?
    /// The key path, e.g. `apps[0].interval`; empty for the file or its top level.
    public var path: String
    public var message: String

    public init(file: String, line: Int?, path: String, message: String) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `config/capstan.yaml:12: apps[0].interval: invalid duration "30x" (use e.g. 30s, 5m, 1h)`
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return path.isEmpty ? "\(place): \(message)" : "\(place): \(path): \(message)"
    }
}
