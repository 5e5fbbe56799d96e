import CapstanModel
import Foundation

extension Value {
    /// The strings of an array member, or empty (Docker writes `null` for empty lists).
    var stringArray: [String] {
        arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// A Docker timestamp (RFC 3339 with nanoseconds); nil for the zero time `0001-01-01T00:00:00Z` or none.
    var dockerTime: Date? {
        guard let text = stringValue, !text.hasPrefix("0001-") else { return nil }
        return CapstanJSON.parseTimestamp(text)
    }

    /// `KEY=VALUE` strings as a dictionary (a later duplicate wins; an entry without `=` maps to "").
    var environment: [String: String] {
        var result: [String: String] = [:]
        for entry in stringArray {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }
}
