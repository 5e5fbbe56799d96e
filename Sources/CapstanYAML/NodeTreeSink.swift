import CapstanModel

/// Builds positioned `YAMLNode`s.
struct NodeTreeSink: TreeSink {
    struct Mapping {
        var entries: [YAMLNode.Entry] = []
        var positions: [String: Int] = [:]
    }

    func scalar(_ value: Value, bytes: UnsafeBufferPointer<UInt8>, mark: YAMLMark) -> YAMLNode {
        let text = value.stringValue ?? YAMLScalarResolver.makeString(bytes)
        return YAMLNode(content: .scalar(value, text: text), line: mark.line, column: mark.column)
    }

    func sequence(_ items: [YAMLNode], mark: YAMLMark) -> YAMLNode {
        YAMLNode(content: .sequence(items), line: mark.line, column: mark.column)
    }

    func emptyMapping() -> Mapping { Mapping() }

    func mapping(_ mapping: Mapping, mark: YAMLMark) -> YAMLNode {
        YAMLNode(content: .mapping(mapping.entries), line: mark.line, column: mark.column)
    }

    func insert(_ value: YAMLNode, for key: MappingKey, into mapping: inout Mapping) -> Bool {
        guard mapping.positions[key.text] == nil else { return false }
        mapping.positions[key.text] = mapping.entries.count
        mapping.entries.append(
            YAMLNode.Entry(key: key.text, keyLine: key.mark.line, keyColumn: key.mark.column, value: value))
        return true
    }

    func insertIfAbsent(_ value: YAMLNode, for key: MappingKey, into mapping: inout Mapping) {
        _ = insert(value, for: key, into: &mapping)
    }

    func mappingEntries(of node: YAMLNode) -> [(key: MappingKey, value: YAMLNode)]? {
        node.entries?.map {
            (MappingKey(text: $0.key, mark: YAMLMark(line: $0.keyLine, column: $0.keyColumn)), $0.value)
        }
    }

    func sequenceItems(of node: YAMLNode) -> [YAMLNode]? { node.items }

    func scalarValue(of node: YAMLNode) -> Value? {
        if case .scalar(let value, _) = node.content { return value }
        return nil
    }
}
