import CapstanModel

/// A kind of object a cluster serves, with the names users type for it (`pods`, `po`, `pod`).
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String
    /// Lower-case plural, as in `/api/v1/cluster/{plural}`.
    public var plural: String
    public var shortNames: [String]
    public var namespaced: Bool

    /// A type; whether it is namespaced comes from `ResourceScope` unless given.
    public init(
        group: String, version: String, kind: String, plural: String, shortNames: [String] = [],
        namespaced: Bool? = nil
    ) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.shortNames = shortNames
        self.namespaced = namespaced ?? !ResourceScope.isClusterScoped(group: group, kind: kind)
    }

    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }
    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }
}
