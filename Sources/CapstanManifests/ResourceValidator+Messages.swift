import CapstanModel

extension ResourceValidator {
    /// "a string", "a list", "a mapping": a value's type for messages (never the value itself).
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "a mapping"
        }
    }

    static let clusterScopedNamespace = "a cluster-scoped resource cannot have metadata.namespace"

    static let dns1123SubdomainRule =
        "a valid DNS-1123 subdomain (at most 253 lowercase letters, digits, '-' and '.', "
        + "starting and ending with a letter or digit)"
    static let dns1123LabelRule =
        "a valid DNS-1123 label (at most 63 lowercase letters, digits and '-', "
        + "starting and ending with a letter or digit)"
    static let dns1035Rule =
        "a valid DNS-1035 label (at most 63 lowercase letters, digits and '-', "
        + "starting with a letter and ending with a letter or digit)"
}
