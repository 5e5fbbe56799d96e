import CapstanModel

/// Kubernetes' IntOrString for maxSurge and maxUnavailable: `2` or `"25%"` of a total.
enum IntOrPercent {
    /// The absolute value; percentages round up (surge) or down (unavailable) as Kubernetes does.
    static func resolve(_ value: Value?, default defaultValue: String, total: Int, roundUp: Bool) -> Int {
        let value = value ?? .string(defaultValue)
        switch value {
        case .int(let i): return max(i, 0)
        case .string(let s) where s.hasSuffix("%"):
            guard let percent = Double(s.dropLast()) else { return 0 }
            let exact = percent * Double(total) / 100
            return max(Int(roundUp ? exact.rounded(.up) : exact.rounded(.down)), 0)
        case .string(let s): return max(Int(s) ?? 0, 0)
        default: return value.intValue ?? 0
        }
    }
}
