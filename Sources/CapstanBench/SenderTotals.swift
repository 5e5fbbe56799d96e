/// What the senders of a throughput run saw, merged over all of them.
struct SenderTotals: Sendable {
    var sent = 0
    /// By HTTP status, or `error` for a request that got no response.
    var statusCounts: [String: Int] = [:]
    /// Per request, from handing it to libcurl to the whole response, in milliseconds.
    var latencies: [Double] = []
    /// Deliveries by the index of the commit they named.
    var named: [Int: Int] = [:]
    /// From the first request to the last response.
    var elapsed: Duration = .zero
    var end = ContinuousClock.now

    mutating func merge(_ other: SenderTotals) {
        sent += other.sent
        statusCounts.merge(other.statusCounts, uniquingKeysWith: +)
        latencies += other.latencies
        named.merge(other.named, uniquingKeysWith: +)
    }
}
