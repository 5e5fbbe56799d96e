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
        renderer: ManifestRenderer = ManifestRenderer(), logger: Logger
    ) async throws(StoreError) {
        self.app = app
        self.source = source
        self.backend = backend
        self.store = store
        self.renderer = renderer
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
        let plan = SyncPlanner.plan(
            desired: desired, live: live, inventory: inventory,
            options: SyncOptions(prune: app.prune), verified: verified)
        verified = plan.verified

        // 4. Decide: a new commit, a manual request, or drift with self-heal means sync; otherwise report.
        guard let trigger = syncTrigger(for: plan, revision: revision, request: request) else {
            return await report(plan: plan, live: live, revision: revision)
        }

        // 5. Apply: dry-run the whole set first, then apply in kind order, then prune.
        let execution = await execute(plan, revision: revision)
        for (key, object) in execution.applied { live[key] = object }
        for key in execution.deleted { live[key] = nil }
        guard execution.errors.isEmpty else {
            await updateInventory(after: execution, plan: plan, live: live, revision: revision)
            return await recordSyncError(
                execution.errors, retryable: execution.retryable, revision: revision,
                request: request,
                startedAt: startedAt, changeSet: execution.changeSet(plan))
        }

        // 6 and 7. Health, then status, history and inventory in one transaction.
        return await recordSync(
            plan: plan, execution: execution, live: live, revision: revision, trigger: trigger,
            startedAt: startedAt)
    }

    /// The trigger of the sync to run now, or nil when this reconcile only reports.
    func syncTrigger(for plan: SyncPlan, revision: Revision, request: SyncRequest) -> SyncTrigger? {
        let newRevision = status.sync.revision != revision.id
        if request.force { return request.trigger }
        if newRevision && app.autoSync { return request.trigger == .selfHeal ? .poll : request.trigger }
        if !newRevision && app.selfHeal && plan.hasApplies { return .selfHeal }
        return nil
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
