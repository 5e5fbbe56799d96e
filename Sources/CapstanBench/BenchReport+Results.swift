/// The tables of measured figures.
extension BenchReport {
    var resultsSection: String {
        let cold = Samples(results.cold.map(\.milliseconds))
        let peak = Samples(results.cold.map { Double($0.peakResidentBytes) })
        let ours = results.parse.parallel
        let reference = results.pyyaml.samples
        let ratio = ours.median / reference.median
        let resources = ReportFormat.count(results.parse.documents)
        let rows = [
            ReportRow.duration(
                "Cold reconcile (empty state and git cache → \(resources) resources applied)", cold,
                target: "≤ 3 s", limit: Self.coldLimit),
            ReportRow.duration(
                "Reconcile of the same commit (no change)", results.noChange.samples,
                target: "≤ 50 ms", limit: Self.noChangeLimit),
            ReportRow.duration(
                "Our parse: `ManifestDecoder`, parallel on \(results.parse.cores) cores", ours,
                target: "≤ 0.5× CSafeLoader", limit: reference.median * Self.parseRatioLimit
            )
            .with(detail: "\(ReportFormat.ratio(ratio)) CSafeLoader"),
            ReportRow.duration("PyYAML `CSafeLoader`, one thread", reference, target: "–", limit: nil),
            ReportRow(
                measure: "Peak RSS of the cold reconcile process", median: ReportFormat.megabytes(peak.median),
                min: ReportFormat.megabytes(peak.min), max: ReportFormat.megabytes(peak.max), runs: peak.count,
                target: "≤ 150 MB (judged on max)", met: peak.max <= Self.peakLimitBytes),
        ]
        return """
            ## Results

            Times are judged on the median, memory on the worst run. MB = 10⁶ bytes.

            \(ReportRow.header)
            \(rows.map(\.markdown).joined(separator: "\n"))
            """
    }

    var coldSection: String {
        let phases = PhaseSamples.collect(results.cold.map(\.phases))
        let total = Samples(results.cold.map(\.milliseconds)).median
        return """
            ## Where the cold reconcile goes (median of \(results.cold.count) runs)

            \(phaseTable(phases, total: total))
            """
    }

    var noChangeSection: String {
        let phases = results.noChange.phases
        let plan = results.noChange.planSamples
        return """
            ## Where the no-change reconcile goes (median of \(results.noChange.samples.count) runs)

            \(phaseTable(phases, total: results.noChange.samples.median))

            Within the last row, `SyncPlanner.plan` alone on the same inputs takes \
            \(ReportFormat.duration(plan.median)) (min \(ReportFormat.duration(plan.min)), max \
            \(ReportFormat.duration(plan.max))); the rest is health assessment of \
            \(ReportFormat.count(results.noChange.resources)) resources and comparing the status with the stored one.
            """
    }

    var parseSection: String {
        let parse = results.parse
        let reference = results.pyyaml.samples.median
        return """
            ## Parse detail (\(ReportFormat.count(parse.files)) files, \(ReportFormat.count(parse.documents)) documents)

            | Run | Median | Min | Max | vs CSafeLoader |
            |---|---:|---:|---:|---:|
            \(parseRow("`ManifestDecoder.decode`, parallel (\(parse.cores) cores)", parse.parallel, reference))
            \(parseRow("`ManifestDecoder.decode`, one thread", parse.serial, reference))
            \(parseRow("PyYAML `CSafeLoader`, one thread", results.pyyaml.samples, reference))
            \(parseRow("`DesiredState.build` (normalize + hash, not parsing)", parse.build, reference))
            """
    }

    private func parseRow(_ name: String, _ samples: Samples, _ reference: Double) -> String {
        "| \(name) | \(ReportFormat.duration(samples.median)) | \(ReportFormat.duration(samples.min)) | "
            + "\(ReportFormat.duration(samples.max)) | \(ReportFormat.ratio(samples.median / reference)) |"
    }

    private func phaseTable(_ phases: [PhaseSamples], total: Double) -> String {
        let memory = phases.contains { $0.peakResidentBytes != nil }
        let rows = phases.map { phase in
            let peak = phase.peakResidentBytes.map { " \(ReportFormat.megabytes($0.median)) |" } ?? (memory ? " |" : "")
            return "| \(phase.name) | \(ReportFormat.duration(phase.samples.median)) | "
                + "\(ReportFormat.duration(phase.samples.min)) | \(ReportFormat.duration(phase.samples.max)) | "
                + "\(ReportFormat.percent(phase.samples.median, of: total)) |" + peak
        }
        return """
            | Phase | Median | Min | Max | Share of median total |\(memory ? " Peak RSS by its end |" : "")
            |---|---:|---:|---:|---:|\(memory ? "---:|" : "")
            \(rows.joined(separator: "\n"))
            | **total** | **\(ReportFormat.duration(total))** | | | |\(memory ? " |" : "")
            """
    }
}
