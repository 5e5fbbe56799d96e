import CapstanCluster
import CapstanModel
import Foundation
import Testing

@testable import CapstanSimulator

/// A container's Service variables are those of the Services that existed when it started: a Service created
/// later appears only after the container restarts (the kubelet builds the environment at every start), and
/// nothing is stored on the pod.
@Suite struct ServiceEnvironmentAtStartTests {
    @Test func aRestartedContainerSeesServicesCreatedSinceItsLastStart() async throws {
        let cluster = try Fixtures.cluster()
        let database = Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: "db",
            spec: ["selector": ["app": "db"], "ports": [["port": 5432]]])
        let service = try #require(try await cluster.applyAll([database]).first)
        try await cluster.applyAll([KubeletFixtures.pod("web")])
        await cluster.advance(toSecond: 2)
        let first = try await cluster.pod("web")
        let firstStart = try #require(first.container()?.runningSince)
        let atFirstStart = await cluster.inspect {
            ServiceEnvironment.variables(for: first, in: $0, startedAt: firstStart)
        }
        #expect(atFirstStart["DB_SERVICE_HOST"] == service.value[path: ["spec", "clusterIP"]]?.stringValue)
        #expect(atFirstStart["DB_SERVICE_PORT"] == "5432")

        await cluster.advance(toSecond: 3)
        let cache = Resource(
            apiVersion: "v1", kind: "Service", namespace: "default", name: "cache",
            spec: ["selector": ["app": "cache"], "ports": [["port": 6379]]])
        try await cluster.applyAll([cache])
        let unchanged = await cluster.inspect {
            ServiceEnvironment.variables(for: first, in: $0, startedAt: firstStart)
        }
        #expect(unchanged == atFirstStart)

        await cluster.advance(toSecond: 4)
        try await cluster.crashContainer(pod: KubeletFixtures.podKey("web"))
        let restarted = try await cluster.pod("web")
        #expect(restarted.container()?.restartCount == 1)
        let secondStart = try #require(restarted.container()?.runningSince)
        #expect(secondStart > firstStart)
        let afterRestart = await cluster.inspect {
            ServiceEnvironment.variables(for: restarted, in: $0, startedAt: secondStart)
        }
        #expect(afterRestart["CACHE_SERVICE_PORT"] == "6379")
        #expect(afterRestart["DB_SERVICE_PORT"] == "5432")
        #expect(restarted.annotations.keys.allSatisfy { !$0.contains("service-environment") })
        #expect(await cluster.statistics.livelocks == 0)
    }
}
