import CapstanModel

extension ContainerHealthcheck {
    /// The Engine API form; durations in nanoseconds.
    var json: Value {
        var object: [String: Value] = ["Test": .array(test.map(Value.string))]
        let durations = [("Interval", interval), ("Timeout", timeout), ("StartPeriod", startPeriod)]
        for case let (key, duration?) in durations {
            object[key] = .int(Self.nanoseconds(duration))
        }
        if let retries { object["Retries"] = .int(retries) }
        return .object(object)
    }

    /// Whole nanoseconds, saturating.
    static func nanoseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = Int(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int.max : whole + Int(attoseconds / 1_000_000_000)
    }
}
