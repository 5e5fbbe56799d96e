import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation
import Testing

@testable import CapstanSimulator

@Suite struct PersistenceTests {
    @Test func aReopenedClusterHasTheSameObjectsAndWritesNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path

        var before: [Resource] = []
        var timeBefore = Date.distantPast
        do {
            let store = try StateStore(path: path)
            let cluster = try Fixtures.cluster(store: store)
            try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
            await cluster.advance(by: .seconds(5))
            before = try await cluster.pods()
            timeBefore = await cluster.now
        }
        let store = try StateStore(path: path)
        let reopened = try Fixtures.cluster(store: store)
        let after = try await reopened.pods()
        #expect(after == before)
        #expect(await reopened.now == timeBefore)
        #expect(await reopened.statistics.objectWrites == 0)
        let deployment = try #require(try await reopened.object(Fixtures.deploymentKey("web")))
        #expect(deployment.int("status", "availableReplicas") == 3)
    }

    /// Kubernetes never hands out a uid twice: objects created after a restart get fresh uids and names, not the
    /// seeded generator's sequence from its start again (a container labelled with the old pod's uid would be
    /// taken for the new pod's).
    @Test func objectsCreatedAfterARestartGetFreshUids() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        /// Every stored object's uid, by object.
        func uids(_ cluster: SimulatedCluster) async throws -> [String: ResourceKey] {
            var found: [String: ResourceKey] = [:]
            for type in ResourceTypes.all where type.kind != "Event" {
                for object in try await cluster.list(type, namespace: nil) { found[object.uid ?? ""] = object.key }
            }
            return found
        }
        var first: [String: ResourceKey] = [:]
        var firstPods: Set<String> = []
        do {
            let cluster = try Fixtures.cluster(store: try StateStore(path: path))
            try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
            await cluster.advance(by: .seconds(5))
            first = try await uids(cluster)
            firstPods = Set(try await cluster.pods().map(\.name))
            _ = await cluster.delete([Fixtures.deploymentKey("web")])
            await cluster.advance(by: .seconds(5))
        }
        let cluster = try Fixtures.cluster(store: try StateStore(path: path))
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 3)])
        await cluster.advance(by: .seconds(5))
        let second = try await uids(cluster)
        let reused = second.filter { uid, key in first[uid].map { $0 != key } ?? false }
        #expect(first.count > 5)
        #expect(reused.isEmpty, "uids handed out again after the restart: \(reused.values.map(\.description))")
        #expect(firstPods.isDisjoint(with: Set(try await cluster.pods().map(\.name))), "pod names repeat")
    }

    @Test func aRolloutInterruptedByARestartResumes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        do {
            let cluster = try Fixtures.cluster(store: try StateStore(path: path))
            var manifest = Fixtures.deployment("web", replicas: 4)
            try await cluster.applyAll([manifest])
            await cluster.advance(by: .seconds(3))
            manifest.value[path: ["spec", "template", "spec", "containers"]] = [["name": "app", "image": "nginx:1.28"]]
            try await cluster.applyAll([manifest])
            await cluster.advance(by: .seconds(1))
        }
        let cluster = try Fixtures.cluster(store: try StateStore(path: path))
        await cluster.advance(by: .seconds(20))
        let pods = try await cluster.pods()
        #expect(pods.count == 4)
        #expect(pods.allSatisfy { $0.containers.first?["image"] == "nginx:1.28" && $0.isPodReady })
    }

    @Test func injectedFaultsAndTheClockSurviveARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-sim-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path
        var stoppedAt = Date.distantPast
        do {
            let cluster = try Fixtures.cluster(store: try StateStore(path: path))
            await cluster.setImagePullable("registry.example/broken:1", false)
            await cluster.advance(by: .seconds(42))  // changes no object
            stoppedAt = await cluster.now
            await cluster.shutdown()
        }
        let cluster = try Fixtures.cluster(store: try StateStore(path: path))
        #expect(await cluster.now == stoppedAt)
        try await cluster.applyAll([Fixtures.deployment("web", replicas: 1, image: "registry.example/broken:1")])
        await cluster.advance(by: .seconds(5))
        let pod = try #require(try await cluster.pods().first)
        let waiting = pod.value[path: ["status", "containerStatuses"]]?.arrayValue?.first?[path: [
            "state", "waiting", "reason",
        ]]
        #expect(waiting == "ErrImagePull" || waiting == "ImagePullBackOff")
    }
}
