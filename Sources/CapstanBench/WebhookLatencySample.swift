/// One webhook's timings, in milliseconds from just before the POST.
struct WebhookLatencySample: Sendable {
    /// The 202 answer arrived.
    var answered: Double
    /// The status first showed the commit as the synced revision.
    var synced: Double
    /// The status first showed the commit's rollout Healthy.
    var healthy: Double
}
