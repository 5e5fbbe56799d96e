/// One field where the live object does not match the manifest.
public struct FieldDifference: Sendable, Hashable, Codable {
    /// How the live field differs.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The manifest sets the field; the live object lacks it.
        case missing
        /// Both have the field, with different values.
        case changed
        /// The live array has an element beyond the ones the manifest lists.
        case extra
    }

    /// Dotted path with array indices: `spec.template.spec.containers[0].image`, `data.password`.
    public var path: String
    public var kind: Kind
    /// The manifest's value, rendered compactly; nil when absent or redacted.
    public var desired: String?
    /// The live value, rendered compactly; nil when absent or redacted.
    public var live: String?
    /// True when the values were withheld because they are secret.
    public var isRedacted: Bool

    public init(path: String, kind: Kind, desired: String?, live: String?, isRedacted: Bool = false) {
        self.path = path
        self.kind = kind
        self.desired = isRedacted ? nil : desired
        self.live = isRedacted ? nil : live
        self.isRedacted = isRedacted
    }
}

extension FieldDifference: CustomStringConvertible {
    /// `spec.replicas: 3 → 5`, `spec.paused: missing (want true)`, `data.password: (secret value changed)`.
    public var description: String {
        if isRedacted {
            switch kind {
            case .missing: return "\(path): (secret value missing)"
            case .changed, .extra: return "\(path): (secret value changed)"
            }
        }
        switch kind {
        case .missing: return "\(path): missing (want \(desired ?? "?"))"
        case .changed: return "\(path): \(live ?? "?") → \(desired ?? "?")"
        case .extra: return "\(path): unexpected element \(live ?? "?")"
        }
    }
}
