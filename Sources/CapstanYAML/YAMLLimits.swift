/// Bounds that keep hostile YAML from exhausting memory, time or the stack.
public struct YAMLLimits: Sendable, Hashable {
    /// Collections nested deeper than this are rejected (libyaml itself stops at 1000).
    public var maximumDepth: Int
    /// The most nodes that aliases may add to one document, counting every node of every
    /// aliased subtree each time it is used ("billion laughs" is stopped here).
    public var maximumAliasedNodes: Int

    public init(maximumDepth: Int = 512, maximumAliasedNodes: Int = 100_000) {
        self.maximumDepth = maximumDepth
        self.maximumAliasedNodes = maximumAliasedNodes
    }

    public static let `default` = YAMLLimits()
}
