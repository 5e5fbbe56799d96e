/// A latency distribution in milliseconds.
struct LatencyDistribution: Codable, Sendable {
    var p50: Double
    var p90: Double
    var p99: Double
    var max: Double
    var count: Int
}
