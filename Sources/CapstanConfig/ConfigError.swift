import CapstanModel

/// The configuration file cannot be used: every problem found (up to a bound), in file order.
/// Fixing the file is the only remedy, so it is not retryable.
public struct ConfigError: ClassifiedError, Equatable {
    public var problems: [ConfigProblem]
    /// How many problems were found in all, including those not reported.
    public var totalCount: Int

    public init(problems: [ConfigProblem], totalCount: Int? = nil) {
        self.problems = problems
        self.totalCount = max(totalCount ?? problems.count, problems.count)
    }

    public var isRetryable: Bool { false }

    /// One problem per line, then `... and N more problems` when some were left out.
    public var description: String {
        var lines = problems.map(\.description)
        if totalCount > problems.count { lines.append("... and \(totalCount - problems.count) more problems") }
        return lines.joined(separator: "\n")
    }
}
