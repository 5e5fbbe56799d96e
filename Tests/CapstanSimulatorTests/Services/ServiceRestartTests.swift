import CapstanCluster
import CapstanModel
import CapstanStore
import Foundation
import Testing

@testable import CapstanSimulator

@Suite struct ServiceRestartTests {
    typealias F = ServiceFixtures

    /// Everything the Service machinery writes, with resource versions: a reopened cluster must write none of it.
    private func serviceObjects(_ cluster: SimulatedCluster) async throws -> [Resource] {
        try await cluster.list(ResourceTypes.service, namespace: nil)
            + cluster.list(ResourceTypes.endpoints, namespace: nil)
    }

    @Test(.timeLimit(.minutes(1))) func aReopenedClusterKeepsItsServicesAndTheirEndpointsAsTheyWere() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-svc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state.sqlite").path

        var before: [Resource] = []
        do {
            let cluster = try Fixtures.cluster(store: try StateStore(path: path))
            try await cluster.applyAll([
                F.service("web", selector: ["app": "web"], type: "LoadBalancer"),
                F.service("peers", selector: ["app": "web"], ports: [], clusterIP: "None"),
                F.deployment("web", replicas: 3, readyAfter: 5),
            ])
            await cluster.advance(by: .seconds(3))
            before = try await serviceObjects(cluster)
            #expect(await cluster.statistics.livelocks == 0)
        }
        let reopened = try Fixtures.cluster(store: try StateStore(path: path))
        #expect(try await serviceObjects(reopened) == before)

        // The controller's indexes were rebuilt from the stored objects: pods becoming Ready show up.
        await reopened.advance(by: .seconds(5))
        let endpoints = try #require(try await reopened.object(F.endpointsKey("web")))
        #expect(endpoints.endpointPods(ready: true) == (try await reopened.pods().map(\.name).sorted()))
        #expect(try await reopened.object(F.endpointsKey("peers"))?.endpointPods(ready: true).count == 3)
        #expect(await reopened.statistics.livelocks == 0)
    }
}
