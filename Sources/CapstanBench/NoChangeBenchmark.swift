import CapstanCore
import CapstanEngine
import CapstanGit
import CapstanModel
import CapstanSimulator
import Foundation

/// Times `reconcile(.poll)` on the commit already deployed: ls-remote, render from the cache, read live,
/// plan, find nothing to do, write nothing.
struct NoChangeBenchmark {
    let fleet: BenchFleet
    let runs: Int

    init(options: BenchArguments) throws(BenchError) {
        fleet = try BenchFleet(options: options)
        runs = try options.int("runs", default: 30, in: 1...1000)
    }

    func run() async throws -> NoChangeResult {
        let setup = try await BenchSetup.make(fleet)
        defer { setup.cleanUp() }
        let (coldOutcome, cold, _) = await setup.reconcile(.poll)
        guard coldOutcome == .progressing || coldOutcome == .done else {
            throw BenchError("the first reconcile did not sync: \(String(describing: coldOutcome).prefix(2000))")
        }
        // Let the pods start, then one untimed reconcile records the app as healthy.
        await setup.cluster.advance(by: .seconds(60))
        _ = await setup.reconcile(.poll)

        let writesBefore = await setup.cluster.statistics.objectWrites
        let historyBefore = try await setup.store.history(app: setup.app.name, limit: 10_000).count
        var totals: [Double] = []
        var phases: [[Phase]] = []
        for _ in 0..<runs {
            let (outcome, duration, runPhases) = await setup.reconcile(.poll)
            guard outcome == .done else {
                throw BenchError("a reconcile of the same commit returned \(String(describing: outcome).prefix(2000))")
            }
            totals.append(duration.milliseconds)
            phases.append(runPhases)
        }
        let writes = await setup.cluster.statistics.objectWrites - writesBefore
        let historyAdded = try await setup.store.history(app: setup.app.name, limit: 10_000).count - historyBefore
        guard writes == 0, historyAdded == 0 else {
            throw BenchError("reconciles of the same commit wrote \(writes) objects and \(historyAdded) history rows")
        }
        return NoChangeResult(
            samples: Samples(totals), phases: PhaseSamples.collect(phases),
            planSamples: try await planSamples(setup), coldMilliseconds: cold.milliseconds,
            outcome: "done", objectWrites: writes, historyRowsAdded: historyAdded,
            resources: fleet.resourceCount)
    }

    /// `SyncPlanner.plan` timed alone, on the desired state, live objects and inventory the reconciler sees.
    private func planSamples(_ setup: BenchSetup) async throws -> Samples {
        guard let revision = await setup.reconciler.status.sync.revision else { throw BenchError("no synced revision") }
        let git = LibGit2Repository(
            url: fleet.repository,
            cacheDirectory: setup.stateDirectory.appendingPathComponent("git").path)
        let files = try await git.files(at: revision, under: fleet.path)
        let desired = try setup.renderer.render(files: files, defaultNamespace: fleet.namespace)
        let inventory = try await setup.store.inventory(app: setup.app.name)
        let live = try await setup.cluster.get(Array(Set(desired.map(\.key)).union(inventory.keys)))
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let plan = SyncPlanner.plan(
                desired: desired, live: live, inventory: inventory,
                options: SyncOptions(prune: setup.app.prune))
            samples.append(start.duration(to: .now).milliseconds)
            guard plan.isSynced else { throw BenchError("the plan of the deployed commit is not empty") }
        }
        return Samples(samples)
    }
}
