/// The webhook intake throughput run (`capstan-bench webhook-throughput`), one process.
struct WebhookThroughputResult: Codable {
    /// Deliveries sent (fewer than planned when the time bound stopped the run).
    var requests: Int
    var plannedRequests: Int
    var concurrency: Int
    /// From the first request to the last response.
    var seconds: Double
    var requestsPerSecond: Double
    /// Responses by HTTP status (`error`: no response); all should be 202.
    var statusCounts: [String: Int]
    /// Per request, from handing it to libcurl to the whole response.
    var latency: LatencyDistribution
    var stoppedByTime: Bool
    /// Commits prepared, and the pushes that brought them to the remote during the run (the first before it).
    var commits: Int
    var pushes: Int
    /// Durations of the pushes made while the senders ran; nil when there were none.
    var pushMilliseconds: LatencyDistribution?
    /// Whether the newest commit any delivery named is the last prepared one (false when pushes lagged).
    var newestNamedIsLastCommit: Bool
    /// Deliveries naming the newest named commit, all sent after it was pushed.
    var deliveriesNamingNewest: Int
    var newestNamedRevision: String
    /// The synced revision the app reached, Healthy: the newest named commit, or one pushed after it (checked).
    var convergedRevision: String
    /// From the last response to the app Healthy at the last commit.
    var convergedAfterMilliseconds: Double
    /// History entries written during the run, by trigger.
    var webhookSyncs: Int
    var otherSyncs: Int
    /// Reconciles seen finishing from the first delivery to convergence (status sampled every millisecond; a
    /// lower bound), whether or not they found a new commit.
    var reconcilesSeen: Int
    var peakResidentBytes: Int
    /// The process's resident set once the app converged (VmRSS).
    var residentBytesAfter: Int
}
