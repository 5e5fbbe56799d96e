import CapstanYAML

/// Reads the keys of one configuration mapping: unknown keys are reported (with the closest known key
/// as a suggestion), required keys that are missing too.
struct MappingReader {
    let node: ConfigNode
    private let entries: [YAMLNode.Entry]

    init(node: ConfigNode, entries: [YAMLNode.Entry], knownKeys: [String]) {
        self.node = node
        self.entries = entries
        for entry in entries where !knownKeys.contains(entry.key) {
            var message = "unknown key \"\(entry.key)\""
            if let suggestion = Self.closest(to: entry.key, among: knownKeys) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            node.diagnostics.report(line: entry.keyLine, path: node.path, message)
        }
    }

    /// The value at `key`, or nil when absent or null (`key:` with nothing after it).
    func optional(_ key: String) -> ConfigNode? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.value.isNull else { return nil }
        return ConfigNode(node: entry.value, path: node.path + [.key(key)], diagnostics: node.diagnostics)
    }

    /// The value at `key`; a missing key is reported at the mapping's line.
    func required(_ key: String) -> ConfigNode? {
        guard let value = optional(key) else {
            node.fail("missing required key \"\(key)\"")
            return nil
        }
        return value
    }

    /// The line of `key`, or the mapping's line when it is absent.
    func line(of key: String) -> Int {
        entries.first { $0.key == key }?.keyLine ?? node.line
    }

    /// The known key within a small edit distance of `key`, or one that starts the other (`stateDirectory`
    /// → `stateDir`), if any.
    static func closest(to key: String, among known: [String]) -> String? {
        let lowered = key.lowercased()
        let scored = known.map { ($0, EditDistance.between(lowered, $0.lowercased())) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(3, best.0.count / 3)) {
            return best.0
        }
        return known.first { candidate in
            let other = candidate.lowercased()
            return min(other.count, lowered.count) >= 4 && (lowered.hasPrefix(other) || other.hasPrefix(lowered))
        }
    }
}
