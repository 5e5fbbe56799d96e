import CapstanModel

/// Which kinds of object a backend runs. Objects of the other kinds are not applied: the sync reports them as
/// `Unsupported`, naming the resource, the backend and the reason (docs/docker-backend.md).
public struct KindSupport: Sendable, Hashable {
    /// The kinds the backend runs or keeps as harmless metadata; nil means every kind.
    public var supported: Set<GroupKind>?
    /// Why a kind the backend knows of is not supported (`no metrics`).
    public var reasons: [GroupKind: String]
    /// The reason given for a kind that is neither supported nor in `reasons`.
    public var otherwise: String

    /// Every kind is supported (the simulated cluster).
    public static let everything = KindSupport(supported: nil)

    public init(
        supported: Set<GroupKind>?, reasons: [GroupKind: String] = [:],
        otherwise: String = "no controller runs this kind"
    ) {
        self.supported = supported
        self.reasons = reasons
        self.otherwise = otherwise
    }

    /// Why objects of `key`'s kind are not supported, or nil when they are.
    public func unsupportedReason(_ key: ResourceKey) -> String? {
        guard let supported else { return nil }
        let kind = GroupKind(group: key.group, kind: key.kind)
        if supported.contains(kind) { return nil }
        return reasons[kind] ?? otherwise
    }
}
