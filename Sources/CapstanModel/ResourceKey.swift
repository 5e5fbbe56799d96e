/// The identity of a resource: API group, kind, namespace (empty for cluster-scoped) and name.
public struct ResourceKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var group: String
    public var kind: String
    public var namespace: String
    public var name: String

    public init(group: String, kind: String, namespace: String, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Kind/namespace/name`, or `Kind/name` when cluster-scoped (Flux's change-set subject).
    public var description: String {
        namespace.isEmpty ? "\(kind)/\(name)" : "\(kind)/\(namespace)/\(name)"
    }

    /// `group/Kind/namespace/name` with empty parts kept: unique and parseable.
    public var id: String { "\(group)/\(kind)/\(namespace)/\(name)" }

    /// Parses the `id` form.
    public init?(id: String) {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        self.init(group: String(parts[0]), kind: String(parts[1]), namespace: String(parts[2]), name: String(parts[3]))
    }

    public static func < (lhs: ResourceKey, rhs: ResourceKey) -> Bool {
        if lhs.group != rhs.group { return lhs.group < rhs.group }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.namespace != rhs.namespace { return lhs.namespace < rhs.namespace }
        return lhs.name < rhs.name
    }
}
