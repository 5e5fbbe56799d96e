import CapstanCluster
import CapstanCore
import CapstanDocker
import CapstanModel
import CapstanSimulator
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// Rollout strategies through the reconcile loop on each backend: Recreate never runs old and new replicas at
/// once; a rollout whose image cannot be pulled passes its progress deadline, is Degraded, and `autoRollback`
/// takes the app back to the last Healthy commit while the old replicas keep running throughout.
@Suite(.serialized) struct RolloutStrategyConformanceTests {
    typealias Kind = BackendConformanceTests.Kind

    static func deployment(image: String = "capstan-test/busybox:1", version: String, strategy: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 2
          progressDeadlineSeconds: 4
          selector: {matchLabels: {app: web}}
          strategy: \(strategy)
          template:
            metadata: {labels: {app: web}, annotations: {version: "\(version)"}}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: web, image: "\(image)", command: [sleep, "3600"]}]

        """
    }

    static let rolling = "{type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}"

    /// The template hashes of the replicas that run now: running containers on Docker, Running pods on the
    /// simulated cluster.
    static func runningHashes(_ backend: BackendConformanceTests.Running) async throws -> [String] {
        switch backend.kind {
        case .docker:
            let engine = try DockerEngine(DockerTestDaemon.host.get())
            return try await engine.listContainers(
                labels: backend.containerLabels.merging([ContainerLabels.name: "web"]) { $1 }
            ).filter {
                $0.state == "running"
            }.compactMap { $0.labels[ContainerLabels.templateHash] }
        case .simulated:
            return try await AppConformanceTests.pods(backend.cluster, app: "web").filter {
                $0.value[path: ["status", "phase"]] == "Running"
            }.compactMap { PodWorkload.of($0).templateHash }
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: Kind.allCases)
    func recreateNeverRunsOldAndNewTogether(kind: Kind) async throws {
        let backend = try await BackendConformanceTests.start(kind)
        defer { backend.tasks.forEach { $0.cancel() } }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-conf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        do {
            let git = try GitFixture()
            let first = try git.commit(
                ["app/web.yaml": Self.deployment(version: "1", strategy: "{type: Recreate}")], message: "v1")
            let reconciler = try await AppConformanceTests.reconciler(git, cluster: backend.cluster, state: state)
            #expect(try await AppConformanceTests.converge(reconciler, to: first), "\(kind): v1 not Healthy")
            let old = Set(try await Self.runningHashes(backend))
            #expect(old.count == 1)

            let second = try git.commit(
                ["app/web.yaml": Self.deployment(version: "2", strategy: "{type: Recreate}")], message: "v2")
            // Every pod change is looked at (the control plane's watch), and the replicas are sampled between.
            let watcher = Task { () -> [String] in
                for await event in backend.cluster.events() where event.key.kind == "Pod" {
                    let hashes = (try? await Self.runningHashes(backend)) ?? []
                    if Set(hashes).count > 1 { return hashes }
                }
                return []
            }
            var mixed: [String] = []
            await reconciler.reconcile(.poll)
            let done = try await DockerNodeAgentTests.eventually(60) {
                let hashes = try await Self.runningHashes(backend)
                if Set(hashes).count > 1 { mixed = hashes }
                await reconciler.reconcile(.clusterChange)
                let status = await reconciler.status
                return status.sync.revision == second && status.rollout?.state == .healthy
            }
            watcher.cancel()
            let watched = await watcher.value
            #expect(done, "\(kind): v2 not Healthy")
            #expect(mixed.isEmpty && watched.isEmpty, "\(kind): old and new replicas ran together: \(mixed + watched)")
            let new = try await Self.runningHashes(backend)
            #expect(new.count == 2 && Set(new).isDisjoint(with: old), "\(kind): after the rollout \(new)")
        } catch {
            await backend.cleanup()
            throw error
        }
        await backend.cleanup()
    }

    @Test(.timeLimit(.minutes(3)), arguments: Kind.allCases)
    func anUnpullableImageIsDegradedAndRolledBack(kind: Kind) async throws {
        let backend = try await BackendConformanceTests.start(kind)
        defer { backend.tasks.forEach { $0.cancel() } }
        let cluster = backend.cluster
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-conf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        // Nothing listens on port 1 of the loopback address: a pull fails at once, without leaving the machine.
        let broken = "127.0.0.1:1/capstan-missing:1"
        await cluster.setImagePullable(broken, false)
        do {
            let git = try GitFixture()
            let good = try git.commit(
                ["app/web.yaml": Self.deployment(version: "1", strategy: Self.rolling)], message: "v1")
            let reconciler = try await AppConformanceTests.reconciler(
                git, cluster: cluster, state: state, autoRollback: true)
            #expect(try await AppConformanceTests.converge(reconciler, to: good), "\(kind): v1 not Healthy")
            let old = try await Self.runningHashes(backend)
            #expect(old.count == 2)

            let bad = try git.commit(
                ["app/web.yaml": Self.deployment(image: broken, version: "2", strategy: Self.rolling)],
                message: "an image nobody can pull")
            await reconciler.reconcile(.poll)
            var fewestOldRunning = Int.max
            let rolledBack = try await DockerNodeAgentTests.eventually(60) {
                fewestOldRunning = min(
                    fewestOldRunning, try await Self.runningHashes(backend).filter(Set(old).contains).count)
                await reconciler.reconcile(.clusterChange)
                let status = await reconciler.status
                return status.pin?.reason == .autoRollback && status.sync.revision == good
                    && status.rollout?.state == .healthy
            }
            let status = await reconciler.status
            #expect(rolledBack, "\(kind): not rolled back: \(String(describing: status.rollout?.state)) \(status.sync)")
            #expect(status.pin?.badRevision == bad)
            #expect(fewestOldRunning == 2, "\(kind): old replicas fell to \(fewestOldRunning) during the bad rollout")
            #expect(
                try await DockerNodeAgentTests.eventually(20) {
                    try await Self.runningHashes(backend).sorted() == old.sorted()
                }, "\(kind): the old replicas are not the ones running after the rollback")
        } catch {
            await backend.cleanup()
            throw error
        }
        await backend.cleanup()
    }
}
