/// How a plan treats resources that left git.
///
/// Whether drift is corrected (self-heal) is the caller's decision: the plan reports drift as
/// `update` with reason `drift`, and `SyncPlan.isDriftOnly` says when nothing else changed.
public struct SyncOptions: Sendable, Hashable {
    /// Delete live resources Capstan applied before that are no longer in git.
    public var prune: Bool

    public init(prune: Bool = false) {
        self.prune = prune
    }
}
