import CapstanModel

/// Encodes paths, query strings and `filters` for Engine API URLs.
enum DockerQuery {
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// Percent-encodes everything but unreserved characters and `extra` (e.g. `/` and `:` in image names).
    static func escape(_ text: String, keeping extra: String = "") -> String {
        let kept = unreserved.union(extra.utf8)
        var out = ""
        for byte in text.utf8 {
            if kept.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// `?a=1&b=2`, or the empty string for no items.
    static func string(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    /// The `filters` JSON for labels: `key=value` for a value, `key` for presence; sorted.
    static func labelFilters(_ labels: [String: String?], extra: [String: [String]] = [:]) -> String? {
        var filters: [String: Value] = extra.mapValues { .array($0.map(Value.string)) }
        if !labels.isEmpty {
            let terms = labels.map { key, value in value.map { "\(key)=\($0)" } ?? key }.sorted()
            filters["label"] = .array(terms.map(Value.string))
        }
        return filters.isEmpty ? nil : Value.object(filters).jsonString()
    }
}
