import CapstanCluster
import CapstanCore
import CapstanGit
import CapstanModel
import CapstanSimulator
import CapstanStore
import CapstanTestSupport
import Foundation
import Logging

/// The real parts of one app's reconcile loop, wired as the service wires them: a git remote, a SQLite state
/// store in a temp folder, the simulated cluster (driven by hand) and the reconciler.
struct CoreHarness {
    let git: GitFixture
    let stateDirectory: URL
    let store: StateStore
    let cluster: SimulatedCluster
    let reconciler: AppReconciler
    let events: RecordingEventSink

    static let epoch = Date(timeIntervalSince1970: 1_767_225_600)

    static func make(
        git: GitFixture, stateDirectory: URL? = nil, prune: Bool = true, selfHeal: Bool = true,
        path: String = "apps/guestbook", url: String? = nil, autoRollback: Bool = false,
        checksumKey: [UInt8]? = nil, backend: (name: String, kinds: KindSupport) = ("simulated", .everything)
    ) async throws -> CoreHarness {
        let directory =
            stateDirectory
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("capstan-state-\(UUID().uuidString)")
        let store = try StateStore(path: directory.appendingPathComponent("capstan.sqlite").path)
        let cluster = try SimulatedCluster(
            options: SimulatedClusterOptions(
                startDelay: .seconds(2), seed: 7, startTime: epoch, name: backend.name, kindSupport: backend.kinds),
            store: store)
        let app = AppDefinition(
            name: "guestbook", source: AppSource(repo: url ?? git.url, ref: "main", path: path),
            namespace: "default", interval: .seconds(30), prune: prune, selfHeal: selfHeal, autoRollback: autoRollback)
        let source = LibGit2Repository(
            url: app.source.repo,
            cacheDirectory: directory.appendingPathComponent("git").path)
        var logger = Logger(label: "capstan.test")
        logger.logLevel = .critical
        let events = RecordingEventSink()
        let reconciler = try await AppReconciler(
            app: app, source: source, backend: cluster, store: store,
            renderer: ManifestRenderer(checksumKey: checksumKey), events: events, logger: logger)
        return CoreHarness(
            git: git, stateDirectory: directory, store: store, cluster: cluster, reconciler: reconciler, events: events)
    }

    @discardableResult
    func reconcile(_ request: SyncRequest = .poll) async -> ReconcileOutcome {
        await reconciler.reconcile(request)
    }

    var status: AppStatus { get async { await reconciler.status } }

    func live(_ kind: String, _ name: String, group: String = "") async throws -> Resource? {
        let key = ResourceKey(group: group, kind: kind, namespace: "default", name: name)
        return try await cluster.get([key])[key]
    }

    func deployment(_ name: String) async throws -> Resource? { try await live("Deployment", name, group: "apps") }

    func cleanUp() { try? FileManager.default.removeItem(at: stateDirectory) }
}

extension ChangeSet {
    /// `action Kind/ns/name` lines, sorted, for exact comparisons.
    var lines: [String] { entries.map { "\($0.action.rawValue) \($0.subject)" }.sorted() }
}
