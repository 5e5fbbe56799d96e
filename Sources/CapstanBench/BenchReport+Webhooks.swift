import Foundation

/// The push-webhook section of the report (issue 4's targets): webhook → Healthy latency and intake throughput.
extension BenchReport {
    var webhooksSection: String {
        let latency = results.webhookLatency.map(webhookLatencyPart) ?? "Latency: not measured in this run."
        let throughput =
            results.webhookThroughput.map(webhookThroughputPart) ?? "Throughput: not measured in this run."
        return "## Webhooks (issue 4)\n\n\(latency)\n\n\(throughput)"
    }

    private func webhookLatencyPart(_ run: WebhookLatencyResult) -> String {
        let groups = WebhookWorkload(resources: run.resources).groups
        let met = run.healthy.p50 <= Self.webhookP50Limit && run.healthy.p99 <= Self.webhookP99Limit
        func row(_ name: String, _ d: LatencyDistribution, target: String, verdict: String) -> String {
            "| \(name) | \(ReportFormat.duration(d.p50)) | \(ReportFormat.duration(d.p90)) | "
                + "\(ReportFormat.duration(d.p99)) | \(ReportFormat.duration(d.max)) | \(d.count) | \(target) | "
                + "\(verdict) |"
        }
        return """
            **From a signed GitHub push webhook to the new revision Healthy** (P1): \(run.commits) commits, each \
            rolling one Deployment of an app of \(run.resources) resources (\(groups) Deployments of 1 replica, \
            \(groups) Services, the rest ConfigMaps); the service runs in the benchmark's process on 127.0.0.1 with \
            the simulated cluster (pod start delay 0, real time) and a poll interval of 1 h, so only the webhook makes \
            it fetch. Every commit is pushed to a local bare repository with the git CLI first (not timed); the clock \
            starts just before the signed POST (libcurl, one keep-alive connection) and stops when the app's status, \
            read in-process every millisecond, shows the commit synced and its rollout Healthy. One untimed commit \
            comes first. No peer runs beside it: Argo CD and Flux need a Kubernetes API server.

            | Measure | p50 | p90 | p99 | Max | Commits | Target | Result |
            |---|---:|---:|---:|---:|---:|---|---|
            \(row("Webhook POST → new revision Healthy", run.healthy, target: "p50 ≤ 100 ms, p99 ≤ 300 ms",
                  verdict: met ? "**met**" : "**missed**"))
            \(row("POST → 202 answered", run.answered, target: "–", verdict: "phase"))
            \(row("POST → the commit is the synced revision", run.synced, target: "–", verdict: "phase"))

            History: \(run.webhookSyncs) syncs triggered by the webhook for \(run.commits + 1) commits (including \
            the warm-up), \(run.otherSyncs) by anything else. Peak RSS of the process: \
            \(ReportFormat.megabytes(Double(run.peakResidentBytes))).
            """
    }

    private func webhookThroughputPart(_ run: WebhookThroughputResult) -> String {
        let statuses = run.statusCounts.sorted { $0.key < $1.key }
            .map { "\(ReportFormat.count($0.value)) × \($0.key)" }.joined(separator: ", ")
        let all202 = run.statusCounts == ["202": run.requests]
        let rateMet = run.requestsPerSecond >= Self.webhookRateLimit
        let newest =
            run.newestNamedIsLastCommit
            ? "the last one" : "the newest pushed in time (not the last prepared one: pushes lagged)"
        let converged =
            run.convergedAfterMilliseconds < 1
            ? "already at the last response"
            : "\(ReportFormat.duration(run.convergedAfterMilliseconds)) after the last response"
        let pushes =
            run.pushMilliseconds.map { "Pushes during the run took \(ReportFormat.duration($0.p50)) (median)." } ?? ""
        let stopped = run.stoppedByTime ? " (stopped by the time bound before \(run.plannedRequests))" : ""
        return """
            **Signed webhook intake throughput**: \(ReportFormat.count(run.requests)) GitHub push deliveries\(stopped) \
            with distinct delivery ids, each signed (HMAC-SHA256) and posted by \(run.concurrency) concurrent \
            senders over keep-alive connections (libcurl) to the service on 127.0.0.1; senders and service share \
            this process and the machine's cores. \
            Meanwhile \(run.commits) prepared commits reach the remote in \(run.pushes) pushes, the last one at \
            90 % of the requests (a push due while the previous one still runs is skipped); every delivery names \
            the newest pushed commit, so the final \(ReportFormat.count(run.deliveriesNamingNewest)) name \
            \(newest). Signing is done before the clock starts. No peer: a Python or `wrk` sender beside ours \
            would measure the sender, not Capstan, \
            and no other GitOps tool's intake runs without Kubernetes.

            | Measure | Measured | Target | Result |
            |---|---:|---|---|
            | Deliveries per second (\(String(format: "%.2f", run.seconds)) s) | \
            \(ReportFormat.count(Int(run.requestsPerSecond.rounded())))/s | ≥ 5,000/s | \
            \(rateMet ? "**met**" : "**missed**") |
            | Responses | \(statuses) | all 202 | \(all202 ? "**met**" : "**missed**") |
            | Per-request latency p50 / p99 / max | \(ReportFormat.duration(run.latency.p50)) / \
            \(ReportFormat.duration(run.latency.p99)) / \(ReportFormat.duration(run.latency.max)) | – | reference |
            | The app ends at the newest named commit, Healthy | `\(run.convergedRevision.prefix(12))`, \
            \(converged) | never lost | **met** |
            | Work done for \(ReportFormat.count(run.requests)) deliveries | \
            \(ReportFormat.count(run.reconcilesSeen)) reconciles seen, \(run.webhookSyncs) syncs | \
            far fewer (coalescing) | \
            \(run.reconcilesSeen < run.requests / 10 ? "**met**" : "**missed**") |

            Reconciles seen: distinct `reconciledAt` stamps of the app's status sampled every millisecond from the \
            first delivery to convergence (a lower bound). Syncs: history entries written by webhook-triggered \
            reconciles (one per new commit found; \(run.otherSyncs) by other triggers). \(pushes) Peak RSS of the \
            process: \
            \(ReportFormat.megabytes(Double(run.peakResidentBytes))) (resident once converged: \
            \(ReportFormat.megabytes(Double(run.residentBytesAfter)))).
            """
    }
}
