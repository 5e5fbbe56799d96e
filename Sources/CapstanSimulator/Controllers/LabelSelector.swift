import CapstanModel

/// A `metav1.LabelSelector`: `matchLabels` and `matchExpressions` (In, NotIn, Exists, DoesNotExist), ANDed.
/// An empty selector matches everything; a missing one (nil `Value`) is the caller's decision.
struct LabelSelector: Sendable, Hashable {
    var matchLabels: [String: String]
    var expressions: [Value]

    init(_ value: Value?) {
        matchLabels = value?["matchLabels"]?.stringMap ?? [:]
        expressions = value?["matchExpressions"]?.arrayValue ?? []
    }

    var isEmpty: Bool { matchLabels.isEmpty && expressions.isEmpty }

    func matches(_ labels: [String: String]) -> Bool {
        matchLabels.allSatisfy { labels[$0.key] == $0.value }
            && expressions.allSatisfy { NodeAffinity.evaluate($0, value: labels[$0["key"]?.stringValue ?? ""]) }
    }

    /// The selector in `kubectl` / scale-subresource text form: `app=web,tier in (db)`.
    var description: String {
        var parts = matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for expression in expressions {
            let key = expression["key"]?.stringValue ?? ""
            let values = (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue).sorted()
            switch expression["operator"]?.stringValue ?? "" {
            case "In": parts.append("\(key) in (\(values.joined(separator: ",")))")
            case "NotIn": parts.append("\(key) notin (\(values.joined(separator: ",")))")
            case "Exists": parts.append(key)
            case "DoesNotExist": parts.append("!\(key)")
            default: break
            }
        }
        return parts.joined(separator: ",")
    }
}
