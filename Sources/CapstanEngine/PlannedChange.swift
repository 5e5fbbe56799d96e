import CapstanModel

/// One step of a sync plan: a resource, what to do to it and why.
public struct PlannedChange: Sendable, Hashable {
    public var key: ResourceKey
    public var action: PlannedAction
    /// What to apply; nil for `delete` and `pruneSkipped`.
    public var desired: DesiredResource?
    public var reason: ChangeReason
    /// Fields where the live object does not match the manifest (redacted for Secrets).
    public var differences: [FieldDifference]

    public init(
        key: ResourceKey, action: PlannedAction, desired: DesiredResource? = nil,
        reason: ChangeReason = .none, differences: [FieldDifference] = []
    ) {
        self.key = key
        self.action = action
        self.desired = desired
        self.reason = reason
        self.differences = differences
    }
}

extension PlannedChange: CustomStringConvertible {
    /// `update Deployment/shop/web (live object drifted: spec.replicas: 5 → 3)`: no resource content.
    public var description: String {
        var text = "\(action.rawValue) \(key)"
        guard reason != .none else { return text }
        text += " (\(reason.phrase)"
        if !differences.isEmpty {
            let shown = differences.prefix(3).map(\.description).joined(separator: "; ")
            let more = differences.count > 3 ? "; \(differences.count - 3) more" : ""
            text += ": \(shown)\(more)"
        }
        return text + ")"
    }
}
