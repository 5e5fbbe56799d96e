/// One line of the results table: a measurement, its spread, and the target it is held to.
struct ReportRow {
    var measure: String
    var median: String
    var min: String
    var max: String
    var runs: Int
    var target: String
    /// nil for a reference figure that has no target.
    var met: Bool?
    /// Said after met/missed, e.g. the ratio.
    var detail: String = ""

    var markdown: String {
        let verdict = met.map { $0 ? "**met**" : "**missed**" } ?? "reference"
        let result = detail.isEmpty ? verdict : "\(verdict) (\(detail))"
        return "| \(measure) | \(median) | \(min) | \(max) | \(runs) | \(target) | \(result) |"
    }

    static let header = """
        | Measure | Median | Min | Max | Runs | Target | Result |
        |---|---:|---:|---:|---:|---|---|
        """

    /// A row of durations in milliseconds, judged by the median.
    static func duration(_ measure: String, _ samples: Samples, target: String, limit: Double?) -> ReportRow {
        ReportRow(
            measure: measure, median: ReportFormat.duration(samples.median),
            min: ReportFormat.duration(samples.min), max: ReportFormat.duration(samples.max),
            runs: samples.count, target: target, met: limit.map { samples.median <= $0 })
    }

    /// The same row with `detail` said after the verdict.
    func with(detail: String) -> ReportRow {
        var row = self
        row.detail = detail
        return row
    }
}
