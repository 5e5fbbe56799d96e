import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation
import Testing

@testable import CapstanSimulator

/// A cluster reopened from its state store keeps claims, volumes and StatefulSets, writes nothing on
/// reopening, and its HPAs stabilize exactly as if it had not stopped.
@Suite struct WorkloadRestartTests {
    @Test(.timeLimit(.minutes(1)))
    func claimsVolumesAndAnOrderedStartSurviveARestart() async throws {
        let (folder, path) = WorkloadFixtures.statePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        var claimsBefore: [Resource] = []
        var volumesBefore: [Resource] = []
        var objectsBefore: [ResourceKey: Resource] = [:]
        do {
            let cluster = try Fixtures.cluster(store: try StateStore(path: path))
            try await cluster.applyAll([
                WorkloadFixtures.statefulSet(replicas: 3),
                WorkloadFixtures.volume("pv-manual", capacity: "1Gi", storageClass: "manual"),
            ])
            await cluster.advance(by: .seconds(3))
            claimsBefore = try await cluster.claims()
            volumesBefore = try await cluster.volumes()
            objectsBefore = try await cluster.allObjects()
            #expect(await cluster.statistics.livelocks == 0)
        }
        let cluster = try Fixtures.cluster(store: try StateStore(path: path))
        // Reopening writes nothing: every object keeps its resource version.
        #expect(try await cluster.allObjects() == objectsBefore)
        #expect(try await cluster.claims() == claimsBefore)
        #expect(try await cluster.volumes() == volumesBefore)
        #expect(volumesBefore.map { $0.string("status", "phase") } == ["Available", "Bound", "Bound"])

        // The ordered start goes on where it stopped (web-1 was starting).
        await cluster.advance(by: .seconds(4))
        #expect(try await cluster.pods().filter(\.isPodReady).map(\.name) == ["web-0", "web-1", "web-2"])
        #expect(try await cluster.claims().map { $0.string("status", "phase") } == ["Bound", "Bound", "Bound"])
        #expect(await cluster.statistics.livelocks == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func theStabilizationWindowSurvivesARestart() async throws {
        let (folder, path) = WorkloadFixtures.statePath()
        defer { try? FileManager.default.removeItem(at: folder) }
        var objectsBefore: [ResourceKey: Resource] = [:]
        do {
            let cluster = try await HorizontalPodAutoscalerTests.loadedCluster(
                minReplicas: 2, maxReplicas: 4, store: try StateStore(path: path))
            await cluster.advance(to: Fixtures.epoch.addingTimeInterval(100))
            try await cluster.setLoad(service: WorkloadFixtures.serviceKey("web"), cpuPercent: 10)
            await cluster.advance(to: Fixtures.epoch.addingTimeInterval(200))
            #expect(try await HorizontalPodAutoscalerTests.replicas(cluster) == 4)
            objectsBefore = try await cluster.allObjects()
        }
        let cluster = try Fixtures.cluster(store: try StateStore(path: path))
        #expect(try await cluster.allObjects() == objectsBefore)
        // Injected load is stored with the cluster: the rehearsal continues after the restart.
        #expect(await cluster.load(service: WorkloadFixtures.serviceKey("web")) == 10)
        #expect(try await HorizontalPodAutoscalerTests.replicas(cluster, at: [390, 404, 405]) == [4, 4, 2])
        #expect(await cluster.statistics.livelocks == 0)
    }
}
