/// One resource in an `AppDiff`: what a sync would do to it, why, where git defines it and which fields differ.
public struct AppDiffEntry: Sendable, Hashable, Codable {
    public var key: ResourceKey
    public var action: PlannedAction
    public var reason: ChangeReason
    /// The manifest's file and line; nil for a resource no longer in git.
    public var location: SourceLocation?
    /// Fields where the live object does not match the manifest (Secret data redacted); empty for a create
    /// or delete.
    public var differences: [FieldDifference]

    public init(
        key: ResourceKey, action: PlannedAction, reason: ChangeReason, location: SourceLocation? = nil,
        differences: [FieldDifference] = []
    ) {
        self.key = key
        self.action = action
        self.reason = reason
        self.location = location
        self.differences = differences
    }
}
