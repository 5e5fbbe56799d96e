import CapstanCore
import CapstanGit
import CapstanModel
import CapstanSecrets
import CapstanSimulator
import CapstanStore
import Foundation
import Logging

/// One app's reconcile loop wired as the service wires it, in a fresh state folder: a SQLite store, the
/// simulated cluster over it, a libgit2 cache (empty: the first reconcile clones), and the reconciler —
/// with timing wrappers around the source and the cluster.
struct BenchSetup {
    let stateDirectory: URL
    let store: StateStore
    let cluster: SimulatedCluster
    let timeline: ReconcileTimeline
    let reconciler: AppReconciler
    let app: AppDefinition
    /// The renderer the reconciler uses (sealing keys, keyed config checksums), for measuring parts alone.
    let renderer: ManifestRenderer

    /// Nodes enough for every pod: 40 × 64 CPU / 256Gi / 110 pods.
    static let nodes = SimulatedNode.defaults(count: 40, cpu: Quantity("64")!, memory: Quantity("256Gi")!, pods: 110)

    /// - Parameter tracksMemory: also read the peak RSS around every call the reconciler makes.
    static func make(_ fleet: BenchFleet, tracksMemory: Bool = false) async throws -> BenchSetup {
        let directory = URL(fileURLWithPath: fleet.workDirectory)
            .appendingPathComponent("state-\(UUID().uuidString)")
        // As the service does: Secrets and ConfigMaps encrypted at rest, SealedSecrets opened and config
        // checksums keyed with the key ring.
        let keys = try KeyRingFile.random()
        let store = try StateStore(path: directory.appendingPathComponent("capstan.sqlite").path, cipher: KeyRing(keys))
        let cluster = try SimulatedCluster(
            options: SimulatedClusterOptions(
                startDelay: .zero, nodes: nodes, seed: 7,
                startTime: Date(timeIntervalSince1970: 1_767_225_600)),
            store: store)
        let app = AppDefinition(
            name: "fleet", source: AppSource(repo: fleet.repository, ref: "main", path: fleet.path),
            namespace: fleet.namespace, interval: .seconds(180), prune: true, selfHeal: true)
        let timeline = ReconcileTimeline(tracksMemory: tracksMemory)
        let git = LibGit2Repository(url: fleet.repository, cacheDirectory: directory.appendingPathComponent("git").path)
        let renderer = ManifestRenderer(sealingKeys: keys.sealingKeys, checksumKey: keys.checksumKey)
        let reconciler = try await AppReconciler(
            app: app, source: TimedSource(base: git, timeline: timeline),
            backend: TimedBackend(base: cluster, timeline: timeline), store: store,
            renderer: renderer, logger: Logger(label: "capstan.bench"))
        return BenchSetup(
            stateDirectory: directory, store: store, cluster: cluster, timeline: timeline,
            reconciler: reconciler, app: app, renderer: renderer)
    }

    /// One timed `reconcile`, its outcome and its phases.
    func reconcile(_ request: SyncRequest = .poll) async -> (ReconcileOutcome, Duration, [Phase]) {
        timeline.reset()
        let start = ContinuousClock.now
        let outcome = await reconciler.reconcile(request)
        let end = ContinuousClock.now
        let peak = timeline.tracksMemory ? ProcessMemory.peakResidentBytes : 0
        return (outcome, start.duration(to: end), timeline.phases(from: start, to: end, endPeak: peak))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: stateDirectory)
    }
}
