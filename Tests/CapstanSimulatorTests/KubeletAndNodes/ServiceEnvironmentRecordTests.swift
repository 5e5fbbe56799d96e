import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// The Service variables a pod's containers start with are recorded once, at its first container start: Services
/// created later do not appear, even after a restart.
@Suite struct ServiceEnvironmentRecordTests {
    @Test func theEnvironmentIsRecordedAtTheFirstStartOnly() async throws {
        let cluster = try Fixtures.cluster()
        let database = Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: "db",
            spec: ["selector": ["app": "db"], "ports": [["port": 5432]]])
        let service = try #require(try await cluster.applyAll([database]).first)
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        #expect(try await cluster.pod("web").annotations[ServiceEnvironment.annotation] == nil)

        await cluster.advance(toSecond: 2)
        let recorded = try #require(try await cluster.pod("web").annotations[ServiceEnvironment.annotation])
        let variables = try JSONParser.parse(recorded).stringMap
        #expect(variables["DB_SERVICE_HOST"] == service.value[path: ["spec", "clusterIP"]]?.stringValue)
        #expect(variables["DB_SERVICE_PORT"] == "5432")

        let cache = Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: "cache",
            spec: ["selector": ["app": "cache"], "ports": [["port": 6379]]])
        try await cluster.applyAll([cache])
        try await cluster.crashContainer(pod: KubeletFixtures.podKey("web"))
        let restarted = try await cluster.pod("web")
        #expect(restarted.container()?.restartCount == 1)
        #expect(restarted.annotations[ServiceEnvironment.annotation] == recorded)
        #expect(await cluster.statistics.livelocks == 0)
    }
}
