import CapstanModel
import Foundation

/// Timestamps inside the simulation: RFC 3339, with milliseconds only when the time has them.
enum SimulatedTime {
    static func format(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        if ms.truncatingRemainder(dividingBy: 1000) == 0 {
            return Date(timeIntervalSince1970: ms / 1000).formatted(Date.ISO8601FormatStyle())
        }
        return CapstanJSON.formatTimestamp(Date(timeIntervalSince1970: ms / 1000))
    }

    static func parse(_ text: String) -> Date? { CapstanJSON.parseTimestamp(text) }

    /// Rounds to whole milliseconds, the simulation's resolution.
    static func quantize(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    /// Whole milliseconds since 1970, the unit every simulated time comparison uses.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
