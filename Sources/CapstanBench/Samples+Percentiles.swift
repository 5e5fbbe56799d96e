extension Samples {
    /// The nearest-rank percentile `p` (0…100): the smallest value with at least p % of the values at or below it.
    func percentile(_ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }

    /// p50, p90, p99 and max, as the webhook results store them.
    var distribution: LatencyDistribution {
        LatencyDistribution(
            p50: percentile(50), p90: percentile(90), p99: percentile(99), max: max, count: count)
    }
}
