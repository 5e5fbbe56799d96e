import CapstanModel

/// What a `TreeBuilder` builds: plain `Value`s on the fast path, positioned `YAMLNode`s on error paths.
protocol TreeSink {
    associatedtype Node
    associatedtype Mapping

    func scalar(_ value: Value, bytes: UnsafeBufferPointer<UInt8>, mark: YAMLMark) -> Node
    func sequence(_ items: [Node], mark: YAMLMark) -> Node
    func emptyMapping() -> Mapping
    func mapping(_ mapping: Mapping, mark: YAMLMark) -> Node

    /// Adds an explicit key; false when the mapping already has it.
    func insert(_ value: Node, for key: MappingKey, into mapping: inout Mapping) -> Bool
    /// Adds a merged (`<<`) key unless the mapping already has it.
    func insertIfAbsent(_ value: Node, for key: MappingKey, into mapping: inout Mapping)

    /// The entries of a mapping node, for `<<` merges; nil when the node is not a mapping.
    func mappingEntries(of node: Node) -> [(key: MappingKey, value: Node)]?
    /// The items of a sequence node; nil when it is not a sequence.
    func sequenceItems(of node: Node) -> [Node]?
    /// The value of a scalar node (an alias used as a key); nil for collections.
    func scalarValue(of node: Node) -> Value?
}
