import CapstanModel

/// Builds plain `Value`s and drops positions: the fast path.
struct ValueTreeSink: TreeSink {
    func scalar(_ value: Value, bytes: UnsafeBufferPointer<UInt8>, mark: YAMLMark) -> Value { value }

    func sequence(_ items: [Value], mark: YAMLMark) -> Value { .array(items) }

    func emptyMapping() -> [String: Value] { [:] }

    func mapping(_ mapping: [String: Value], mark: YAMLMark) -> Value { .object(mapping) }

    func insert(_ value: Value, for key: MappingKey, into mapping: inout [String: Value]) -> Bool {
        mapping.updateValue(value, forKey: key.text) == nil
    }

    func insertIfAbsent(_ value: Value, for key: MappingKey, into mapping: inout [String: Value]) {
        if mapping[key.text] == nil { mapping[key.text] = value }
    }

    func mappingEntries(of node: Value) -> [(key: MappingKey, value: Value)]? {
        guard case .object(let members) = node else { return nil }
        let mark = YAMLMark(line: 0, column: 0)
        return members.sorted { $0.key < $1.key }.map { (MappingKey(text: $0.key, mark: mark), $0.value) }
    }

    func sequenceItems(of node: Value) -> [Value]? { node.arrayValue }

    func scalarValue(of node: Value) -> Value? {
        switch node {
        case .array, .object: return nil
        default: return node
        }
    }
}
