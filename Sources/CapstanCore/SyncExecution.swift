import CapstanEngine
import CapstanModel

/// What applying a plan did: objects as the backend returned them, keys deleted, and errors.
struct SyncExecution: Sendable {
    var applied: [ResourceKey: Resource] = [:]
    var deleted: [ResourceKey] = []
    /// One line per failure, naming the resource; empty on success.
    var errors: [String] = []
    /// True when every failure may pass on its own (the backend was unavailable), false when the
    /// backend refused the input.
    var retryable = true

    /// The change set of the plan as far as it was carried out, in apply order.
    func changeSet(_ plan: SyncPlan) -> ChangeSet {
        plan.changeSet(applied: Set(applied.keys).union(deleted))
    }
}
