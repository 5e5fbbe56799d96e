import CapstanYAML

/// Collects the problems found while reading one configuration file.
final class ConfigDiagnostics {
    let file: String
    private let maximumProblems: Int
    private var problems: [ConfigProblem] = []
    private(set) var totalCount = 0

    init(file: String, maximumProblems: Int = 20) {
        self.file = file
        self.maximumProblems = maximumProblems
    }

    /// Records a problem at `line` for the key at `path`.
    func report(line: Int?, path: [PathComponent], _ message: String) {
        totalCount += 1
        problems.append(ConfigProblem(file: file, line: line, path: PathComponent.format(path), message: message))
    }

    var isEmpty: Bool { totalCount == 0 }

    /// The problems in file order (line, then the order found), bounded.
    var error: ConfigError {
        let ordered = problems.enumerated().sorted {
            ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
        }.map(\.element)
        return ConfigError(problems: Array(ordered.prefix(maximumProblems)), totalCount: totalCount)
    }
}
