import CapstanModel

/// The manifests at a revision cannot be used: every problem found (up to a bound), sorted by file and
/// line. Only a new commit can fix it, so it is not retryable.
public struct ManifestError: ClassifiedError, Equatable {
    /// The problems reported, sorted by file and line; at most `ManifestDecodingOptions.maximumProblems`.
    public var problems: [ManifestProblem]
    /// How many problems were found in all, including those not reported.
    public var totalCount: Int

    public init(problems: [ManifestProblem], totalCount: Int? = nil) {
        self.problems = problems.sorted()
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
