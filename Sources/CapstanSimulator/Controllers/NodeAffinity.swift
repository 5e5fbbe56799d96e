import CapstanModel

/// `spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`: node selector terms, ORed;
/// within a term, match expressions and fields ANDed (operators In, NotIn, Exists, DoesNotExist, Gt, Lt).
struct NodeAffinity: Sendable {
    private let terms: [Value]

    init(pod: Resource) {
        terms =
            pod.value[path: [
                "spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                "nodeSelectorTerms",
            ]]?.arrayValue ?? []
    }

    /// True when the pod states no required terms or `node` matches one of them.
    func allows(_ node: SchedulableNode) -> Bool {
        terms.isEmpty || terms.contains { matches($0, node) }
    }

    private func matches(_ term: Value, _ node: SchedulableNode) -> Bool {
        let expressions = term["matchExpressions"]?.arrayValue ?? []
        let fields = term["matchFields"]?.arrayValue ?? []
        // An empty term matches nothing (Kubernetes' rule).
        guard !expressions.isEmpty || !fields.isEmpty else { return false }
        return expressions.allSatisfy { Self.evaluate($0, value: node.labels[$0["key"]?.stringValue ?? ""]) }
            && fields.allSatisfy { field in
                field["key"]?.stringValue == "metadata.name" && Self.evaluate(field, value: node.name)
            }
    }

    static func evaluate(_ requirement: Value, value: String?) -> Bool {
        let values = (requirement["values"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch requirement["operator"]?.stringValue ?? "" {
        case "In": return value.map(values.contains) ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt": return compare(value, values, >)
        case "Lt": return compare(value, values, <)
        default: return false
        }
    }

    private static func compare(_ value: String?, _ values: [String], _ order: (Int, Int) -> Bool) -> Bool {
        guard let value, let number = Int(value), values.count == 1, let bound = Int(values[0]) else { return false }
        return order(number, bound)
    }
}
