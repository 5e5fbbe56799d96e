import CapstanModel

/// A YAML node with the line and column it was written at: for configuration files and error paths.
///
/// Aliases and `<<` merges are already expanded; merged entries keep the position of their anchor.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A resolved scalar and its text as written (after YAML unescaping).
        case scalar(Value, text: String)
        case sequence([YAMLNode])
        /// Entries in the order written, explicit keys first, then merged ones.
        case mapping([Entry])
    }

    public var content: Content
    /// 1-based line where the node starts.
    public var line: Int
    /// 1-based column where the node starts.
    public var column: Int

    public init(content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The node without positions.
    public var value: Value {
        switch content {
        case .scalar(let value, _): return value
        case .sequence(let items): return .array(items.map(\.value))
        case .mapping(let entries):
            var members: [String: Value] = [:]
            members.reserveCapacity(entries.count)
            for entry in entries { members[entry.key] = entry.value.value }
            return .object(members)
        }
    }

    /// The entries when this is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items when this is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The scalar's text as written, when this is a scalar.
    public var scalarText: String? {
        if case .scalar(_, let text) = content { return text }
        return nil
    }

    /// `string`, `number`, `boolean`, `null`, `list` or `mapping`, for error messages.
    public var typeName: String {
        switch content {
        case .scalar(let value, _): return value.typeName
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }
}
