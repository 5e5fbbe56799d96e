import CapstanModel
import CapstanYAML

/// A positioned YAML node being read as configuration: typed accessors that report a problem
/// (at the node's line, naming its key path) and return nil when the node is not what is expected.
struct ConfigNode {
    let node: YAMLNode
    let path: [PathComponent]
    let diagnostics: ConfigDiagnostics

    var line: Int { node.line }

    /// Records a problem about this node.
    func fail(_ message: String) {
        diagnostics.report(line: node.line, path: path, message)
    }

    func string() -> String? {
        if case .scalar(.string(let text), _) = node.content { return text }
        return mismatch("a string")
    }

    /// The scalar as written, whatever it resolved to (`cpu: 4` gives "4"); nil for null and collections.
    func scalarText() -> String? {
        if case .scalar(let value, let text) = node.content, !value.isNull { return text }
        return mismatch("a string")
    }

    func bool() -> Bool? {
        if case .scalar(.bool(let flag), _) = node.content { return flag }
        return mismatch("a boolean (true or false)")
    }

    func int() -> Int? {
        if case .scalar(.int(let number), _) = node.content { return number }
        return mismatch("an integer")
    }

    func double() -> Double? {
        if case .scalar(let value, _) = node.content, let number = value.doubleValue { return number }
        return mismatch("a number")
    }

    /// A Go-style duration such as `30s`, `5m`, `1h30m`.
    func duration() -> Duration? {
        guard let text = scalarText() else { return nil }
        guard let duration = DurationParser.parse(text) else {
            fail("invalid duration \"\(text)\" (use e.g. 30s, 5m, 1h)")
            return nil
        }
        return duration
    }

    /// The items of a list, each with its index in the path.
    func list() -> [ConfigNode]? {
        guard let items = node.items else { return mismatch("a list") }
        return items.enumerated().map { ConfigNode(node: $1, path: path + [.index($0)], diagnostics: diagnostics) }
    }

    /// This node as a mapping whose keys must be among `keys` (unknown keys are reported).
    func mapping(keys: [String]) -> MappingReader? {
        guard let entries = node.entries else { return mismatch("a mapping") }
        return MappingReader(node: self, entries: entries, knownKeys: keys)
    }

    /// A mapping of strings to scalars, e.g. node labels.
    func stringMap() -> [String: String]? {
        guard let entries = node.entries else { return mismatch("a mapping") }
        var map: [String: String] = [:]
        for entry in entries {
            let child = ConfigNode(node: entry.value, path: path + [.key(entry.key)], diagnostics: diagnostics)
            if let text = child.scalarText() { map[entry.key] = text }
        }
        return map
    }

    private func mismatch<T>(_ expected: String) -> T? {
        fail("expected \(expected), found \(Self.describe(node))")
        return nil
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(.null, _): return "nothing (null)"
        case .scalar(.bool, _): return "a boolean"
        case .scalar(.int, _), .scalar(.double, _): return "a number"
        case .scalar: return "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
