import Foundation

/// The simulated cluster's scale section of the report (issue 3's targets).
extension BenchReport {
    var simScaleSection: String {
        let runs = results.simScale
        guard let first = runs.first else { return "## Simulated cluster at scale\n\nNot measured in this run." }
        let schedule = Samples(runs.map(\.scheduleMilliseconds))
        let running = Samples(runs.map(\.runningMilliseconds))
        let peak = Samples(runs.map { Double($0.peakResidentBytes) })
        let scheduler = Samples(runs.map { $0.controllerMilliseconds["scheduler"] ?? .nan })
        let controllers = Set(runs.flatMap(\.controllerMilliseconds.keys)).sorted()
        let perController = controllers.map { name in
            "\(name) \(ReportFormat.duration(Samples(runs.compactMap { $0.controllerMilliseconds[name] }).median))"
        }.joined(separator: ", ")
        func row(_ name: String, _ samples: Samples, target: String, met: Bool?) -> String {
            let result = met.map { $0 ? "met" : "**missed**" } ?? "–"
            return "| \(name) | \(ReportFormat.duration(samples.median)) | \(ReportFormat.duration(samples.min)) | "
                + "\(ReportFormat.duration(samples.max)) | \(samples.count) | \(target) | \(result) |"
        }
        return """
            ## Simulated cluster at scale

            \(ReportFormat.count(first.pods)) pods (Deployments of 100 replicas, 100m cpu and 64Mi each) on \
            \(ReportFormat.count(first.nodes)) nodes, state in SQLite; each run is its own process. No peer runs \
            beside it: kube-scheduler and KWOK need a Kubernetes API server, which this machine cannot run.

            | Measure | Median | Min | Max | Runs | Target | Result |
            |---|---:|---:|---:|---:|---|---|
            \(row("Scheduling work: time inside the scheduler's reconciles (filter, score, bind)", scheduler,
                  target: "≤ 1 s", met: scheduler.median <= Self.simScheduleLimit))
            \(row("Apply → every pod created and scheduled (all controllers, SQLite flush)", schedule,
                  target: "–", met: nil))
            \(row("Start delay passed → every pod Running and Ready (kubelets, status, flush)", running,
                  target: "–", met: nil))
            | Peak RSS of the process | \(ReportFormat.megabytes(peak.median)) | \(ReportFormat.megabytes(peak.min)) | \
            \(ReportFormat.megabytes(peak.max)) | \(peak.count) | ≤ 150 MB (judged on max) | \
            \(peak.max <= Self.simPeakLimitBytes ? "met" : "**missed**") |

            Median time per controller over a whole run: \(perController).
            """
    }
}
