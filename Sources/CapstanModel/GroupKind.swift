/// An API group and kind, e.g. `rbac.authorization.k8s.io` / `ClusterRole` (empty group for core `v1`).
public struct GroupKind: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var kind: String

    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    /// `ClusterRole.rbac.authorization.k8s.io`, or just the kind for the core group.
    public var description: String { group.isEmpty ? kind : "\(kind).\(group)" }
}
