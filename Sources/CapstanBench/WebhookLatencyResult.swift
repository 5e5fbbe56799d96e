/// The webhook-to-Healthy latency run (`capstan-bench webhook-latency`), one process.
struct WebhookLatencyResult: Codable {
    /// Timed commits (an untimed warm-up commit comes before them).
    var commits: Int
    var resources: Int
    /// POST → the commit synced and its rollout Healthy: the measure held to the target.
    var healthy: LatencyDistribution
    /// POST → 202 answer.
    var answered: LatencyDistribution
    /// POST → the commit is the synced revision (the rollout may still progress).
    var synced: LatencyDistribution
    /// Every timed commit's POST → Healthy, in order.
    var healthyMilliseconds: [Double]
    /// History entries written after the first sync, by trigger: one webhook sync per commit is expected.
    var webhookSyncs: Int
    var otherSyncs: Int
    var timeoutSeconds: Double
    var peakResidentBytes: Int
}
