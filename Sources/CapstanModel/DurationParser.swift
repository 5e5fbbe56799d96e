import Foundation

/// Parses Go-style durations used in config and flags: `30s`, `5m`, `1h30m`, `500ms`, `1.5s`.
public enum DurationParser {
    private static let units: [(suffix: String, seconds: Double)] = [
        ("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1),
    ]

    /// The duration, or nil when the text is not a valid non-negative duration.
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        if rest == "0" { return .zero }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let amount = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }) else { return nil }
            rest = rest.dropFirst(unit.suffix.count)
            total += amount * unit.seconds
        }
        return .milliseconds(Int64((total * 1000).rounded()))
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }

    /// `1h30m`, `2m5s`, `500ms`: the inverse of `DurationParser.parse` for whole milliseconds.
    public var formatted: String {
        var ms = Int64((seconds * 1000).rounded())
        if ms == 0 { return "0s" }
        if ms < 1000 { return "\(ms)ms" }
        var parts = ""
        let h = ms / 3_600_000
        ms %= 3_600_000
        let m = ms / 60_000
        ms %= 60_000
        if h > 0 { parts += "\(h)h" }
        if m > 0 { parts += "\(m)m" }
        if ms > 0 {
            let s = Double(ms) / 1000
            parts += s == s.rounded() ? "\(Int(s))s" : "\(s)s"
        }
        return parts
    }
}
