import CapstanModel
import Foundation

/// kubectl's ages (apimachinery `duration.HumanDuration`): 45s, 3m20s, 15m, 5h30m, 20h, 3d4h, 30d, 2y100d.
enum Age {
    static func since(_ date: Date?, now: Date) -> String {
        guard let date else { return "<unknown>" }
        return text(now.timeIntervalSince(date))
    }

    /// The age of an object: now minus `metadata.creationTimestamp`.
    static func of(_ resource: Resource, now: Date) -> String {
        since(timestamp(resource.value[path: ["metadata", "creationTimestamp"]]), now: now)
    }

    static func timestamp(_ value: Value?) -> Date? {
        value?.stringValue.flatMap(CapstanJSON.parseTimestamp)
    }

    static func text(_ interval: TimeInterval) -> String {
        let seconds = Int(interval.rounded(.towardZero))
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        let days = hours / 24
        if hours < 24 * 365 * 8 { return days % 365 == 0 ? "\(days / 365)y" : "\(days / 365)y\(days % 365)d" }
        return "\(days / 365)y"
    }
}
