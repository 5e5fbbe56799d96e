extension Duration {
    /// Whole milliseconds for libcurl's `_MS` options: at least 1 for any positive duration
    /// (curl reads 0 as "no limit"), 0 for zero or negative.
    var curlMilliseconds: Int {
        guard self > .zero else { return 0 }
        let (seconds, attoseconds) = components
        let millis = seconds.multipliedReportingOverflow(by: 1000)
        guard !millis.overflow else { return Int.max }
        return max(1, Int(millis.partialValue) + Int(attoseconds / 1_000_000_000_000_000))
    }
}
