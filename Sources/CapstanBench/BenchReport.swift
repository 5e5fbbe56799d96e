import Foundation

/// Writes docs/benchmarks.md from one run's results, keeping the hand-written "Notes" section of the
/// previous file.
struct BenchReport {
    let results: BenchResults
    let output: String
    let swiftVersion: String
    let machine = MachineInfo.current()

    /// Targets of the spine issue.
    static let coldLimit = 3000.0
    static let noChangeLimit = 50.0
    static let parseRatioLimit = 0.5
    static let peakLimitBytes = 150_000_000.0
    /// Targets of the simulated-cluster issue.
    static let simScheduleLimit = 1000.0
    static let simPeakLimitBytes = 150_000_000.0
    /// Targets of the webhooks issue: webhook POST → Healthy, and signed deliveries per second.
    static let webhookP50Limit = 100.0
    static let webhookP99Limit = 300.0
    static let webhookRateLimit = 5_000.0
    static let notesHeading = "## Notes"

    init(options: BenchArguments) throws {
        results = try BenchResults(folder: options.string("results"))
        output = try options.string("output")
        swiftVersion = options.string("swift-version", default: "unknown")
    }

    func write() throws {
        let text =
            [
                header, machineSection, workloadSection, resultsSection, coldSection, noChangeSection,
                parseSection, simScaleSection, webhooksSection,
                results.docker.map { DockerReportSection(result: $0).markdown } ?? DockerReportSection.notMeasured,
                methodSection, notes(),
            ].joined(separator: "\n\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
    }

    /// The previous file's Notes section, or a starting one.
    private func notes() -> String {
        if let previous = try? String(contentsOfFile: output, encoding: .utf8),
            let range = previous.range(of: "\n\(Self.notesHeading)\n")
        {
            return String(previous[previous.index(after: range.lowerBound)...])
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return """
            \(Self.notesHeading)

            _Written by hand; `make bench` keeps everything from this heading on._
            """
    }

    private var header: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return """
            # Benchmarks

            Measured by `make bench` (`scripts/bench.sh`) on \(formatter.string(from: Date())). The script rewrites \
            everything above "Notes" on each run.
            """
    }
}
