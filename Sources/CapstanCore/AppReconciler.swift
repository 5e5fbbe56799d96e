import CapstanCluster
import CapstanEngine
import CapstanGit
import CapstanModel
import CapstanStore
import Foundation
import Logging

/// Reconciles one app: compares git with the live state and converges it (kustomize-controller's recipe:
/// source → render → compare → apply → prune → health → record). Level-based: every call looks at the
/// world afresh; nothing depends on the event that caused it.
public actor AppReconciler {
    public let app: AppDefinition
    let source: any ManifestSource
    let backend: any ClusterBackend
    let store: StateStore
    let logger: Logger
    let renderer: ManifestRenderer
    /// Where notification events go.
    let events: any AppEventSink

    /// The app's status as last computed (served by the API); persisted when it changes.
    public internal(set) var status: AppStatus
    var persistedStatus: AppStatus?
    var inventory: [ResourceKey: InventoryEntry]
    /// The newest commit seen and what it rendered to.
    var rendered: RenderedRevision?
    /// The last failure written to history, so a failure that repeats on every poll is recorded once.
    var lastRecordedFailure: String?
    /// Objects the last plan found in sync, so the next plan skips comparing them while they are unchanged.
    var verified = VerifiedMatches()
    /// The commit and resource count the status's resources and health were last assessed for.
    var lastReport: ReportKey?
    /// Health by object and resourceVersion: an object that did not change has the same health.
    var healthCache: [ResourceKey: (resourceVersion: String, assessment: HealthAssessment?)] = [:]

    /// Loads the app's stored status and inventory (so a restart continues where it stopped).
    public init(
        app: AppDefinition, source: any ManifestSource, backend: any ClusterBackend, store: StateStore,
        renderer: ManifestRenderer = ManifestRenderer(), events: any AppEventSink = NoEventSink(), logger: Logger
    ) async throws(StoreError) {
        self.app = app
        self.source = source
        self.backend = backend
        self.store = store
        self.renderer = renderer
        self.events = events
        var logger = logger
        logger[metadataKey: "app.name"] = .string(app.name)
        self.logger = logger
        let stored = try await store.appStatus(app.name)
        var status = stored ?? AppStatus(name: app.name, source: app.source)
        status.source = app.source
        self.status = status
        self.persistedStatus = stored
        self.inventory = try await store.inventory(app: app.name)
        if let failure = stored?.lastSync, failure.result == .failed { lastRecordedFailure = failure.message }
    }

    /// One reconcile, start to finish.
    public func reconcile(_ request: SyncRequest) async -> ReconcileOutcome {
        let startedAt = Date()

        // 1. Source: which commit does git want deployed?
        let revision: Revision
        do {
            revision = try await resolveRevision(fetch: request.fetch)
        } catch {
            return await recordSourceError(error, request: request, startedAt: startedAt)
        }

        // 2. Render: the manifests at that commit, validated as a whole, as normalized desired state.
        let desired: [DesiredResource]
        switch await render(revision) {
        case .success(let resources): desired = resources
        case .failure(let error):
            return await recordRenderError(error, revision: revision, request: request, startedAt: startedAt)
        }

        // 3. Compare: live objects against git and against what Capstan applied before.
        var live: [ResourceKey: Resource]
        do {
            live = try await backend.get(Array(Set(desired.map(\.key)).union(inventory.keys)))
        } catch {
            return await recordSyncError(
                [error.description], revision: revision, request: request,
                startedAt: startedAt, changeSet: ChangeSet())
        }
        let plan = plan(desired, live: live, inventory: inventory, verified: verified)
        verified = plan.verified
        noteUnsupported(plan)

        // 4. Decide: a new commit (or pinned revision), a manual request, drift with self-heal, or a rollout
        //    with waves left means sync; otherwise report, which also follows a running rollout to its end.
        guard let trigger = syncTrigger(for: plan, revision: revision, request: request),
            !isWaitingOnWave(plan, live: live, revision: revision)
        else {
            return await report(plan: plan, live: live, revision: revision)
        }

        // 5. Apply: dry-run what is left, then apply the waves that can go now (kind order within each), prune.
        let (execution, remaining) = await execute(plan, revision: revision, live: &live)
        guard execution.errors.isEmpty else {
            await updateInventory(after: execution, plan: plan, live: live, revision: revision)
            return await recordSyncError(
                execution.errors, retryable: execution.retryable, revision: revision,
                request: request,
                startedAt: startedAt, changeSet: execution.changeSet(plan))
        }

        // 6 and 7. Health and rollout, then status, history and inventory in one transaction.
        return await recordSync(
            plan: plan, execution: execution, remaining: remaining, live: live, revision: revision, trigger: trigger,
            continuing: continuesRollout(plan, revision: revision, request: request), startedAt: startedAt)
    }

    /// The trigger of the sync to run now, or nil when this reconcile only reports.
    func syncTrigger(for plan: SyncPlan, revision: Revision, request: SyncRequest) -> SyncTrigger? {
        let newRevision = status.sync.revision != revision.id
        if newRevision, let pin = status.pin, pin.revision == revision.id {
            return pin.reason == .autoRollback ? .autoRollback : .rollback
        }
        if request.force { return request.trigger }
        if newRevision && app.autoSync { return request.trigger == .selfHeal ? .poll : request.trigger }
        if let rollout = activeRollout(for: revision), Self.hasApplies(plan, after: rollout.wave) {
            return rollout.trigger
        }
        if !newRevision && app.selfHeal && plan.hasApplies { return .selfHeal }
        return nil
    }

    /// True when this sync applies the next waves of the running rollout (recorded in that rollout's history
    /// entry), rather than starting a sync of its own (a new revision, a manual sync, self-heal).
    func continuesRollout(_ plan: SyncPlan, revision: Revision, request: SyncRequest) -> Bool {
        guard !request.force, let rollout = activeRollout(for: revision) else { return false }
        return Self.hasApplies(plan, after: rollout.wave)
    }

    /// True when the plan applies something in a wave after `wave`: the rest of a rollout, not drift.
    static func hasApplies(_ plan: SyncPlan, after wave: Int) -> Bool {
        plan.applies.contains { change in (change.desired.flatMap { SyncWave.of($0.resource) } ?? 0) > wave }
    }

    /// The running rollout of `revision`, if any.
    func activeRollout(for revision: Revision) -> AppRollout? {
        guard let rollout = status.rollout, rollout.revision == revision.id, !rollout.isFinished,
            status.sync.revision == revision.id
        else { return nil }
        return rollout
    }

    /// True when a running rollout of this revision has nothing it may apply yet (a lower wave is not Healthy):
    /// the reconcile only reports, instead of recording an empty sync step.
    private func isWaitingOnWave(_ plan: SyncPlan, live: [ResourceKey: Resource], revision: Revision) -> Bool {
        guard activeRollout(for: revision) != nil else { return false }
        if case .wait = WavePlanner.step(plan: plan, health: liveHealth(live)).action { return true }
        return false
    }
}

/// What a report's resources and health were computed from.
struct ReportKey: Equatable {
    var revision: String
    var count: Int
}

/// A commit and what its manifests rendered to (or why they did not).
struct RenderedRevision: Sendable {
    var revision: Revision
    var result: Result<[DesiredResource], RenderError>
}
