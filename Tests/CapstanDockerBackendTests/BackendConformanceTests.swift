import CapstanCluster
import CapstanDocker
import CapstanHTTPClient
import CapstanModel
import CapstanSimulator
import CapstanTestSupport
import Foundation
import Logging
import Testing

@testable import CapstanDockerBackend

/// The semantics both backends share, run against each: a Deployment becomes available, a template change rolls
/// out within maxSurge/maxUnavailable (checked on pods, and on running containers for Docker), a deleted pod is
/// replaced, and deleting the Deployment removes everything.
@Suite(.serialized) struct BackendConformanceTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case simulated, docker
        var testDescription: String { rawValue }
    }

    /// A backend running on the wall clock, and how many containers really run (Docker) or pods run (simulated).
    struct Running {
        let kind: Kind
        let cluster: SimulatedCluster
        let running: @Sendable () async -> Int
        let tasks: [Task<Void, Never>]
        /// The labels that select this backend's containers (its own node), empty on the simulated cluster.
        let containerLabels: [String: String?]
        let removeContainers: @Sendable () async -> Void

        /// Stops the clock and the agent, then removes the containers they made (in that order: a running
        /// agent would recreate them).
        func cleanup() async {
            tasks.forEach { $0.cancel() }
            await removeContainers()
        }
    }

    /// The pods' ports of every docker conformance run: one allocator, as one `DockerCluster` has, since the suites
    /// run at once on one host (separate allocators over one range could hand out a port twice).
    static let dockerPorts = PortAllocator(range: 30_000...30_499)

    static func start(_ kind: Kind) async throws -> Running {
        switch kind {
        case .simulated:
            let cluster = try SimulatedCluster(
                options: SimulatedClusterOptions(
                    startDelay: .milliseconds(200), nodes: SimulatedNode.defaults(count: 2)))
            let clock = Task { await cluster.runRealTime(clock: ContinuousClock(), timeScale: 1) }
            return Running(
                kind: kind, cluster: cluster,
                running: {
                    let pods = (try? await cluster.list(ResourceTypes.pod, namespace: "default")) ?? []
                    return pods.filter { $0.value[path: ["status", "phase"]] == "Running" }.count
                }, tasks: [clock], containerLabels: [:], removeContainers: {})
        case .docker:
            let engine = try DockerEngine(DockerTestDaemon.host.get())
            let node = "docker-c\(UUID().uuidString.prefix(8).lowercased())"
            let cluster = try TestControlPlane.make(nodes: [node])
            let agent = DockerNodeAgent(
                node: node, engine: engine, cluster: cluster, ports: Self.dockerPorts,
                http: CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(2))),
                logger: Logger(label: "test"))
            let clock = Task { await cluster.runRealTime(clock: ContinuousClock(), timeScale: 1) }
            let loop = Task { await agent.run(driftInterval: .milliseconds(500)) }
            let labels: [String: String?] = [ContainerLabels.node: node]
            return Running(
                kind: kind, cluster: cluster,
                running: {
                    ((try? await engine.listContainers(labels: labels)) ?? []).filter { $0.state == "running" }.count
                }, tasks: [clock, loop], containerLabels: labels,
                removeContainers: {
                    for container in (try? await engine.listContainers(labels: labels)) ?? [] {
                        try? await engine.removeContainer(container.id, force: true)
                    }
                })
        }
    }

    static func deployment(version: String) -> Resource {
        var resource = DockerNodeAgentTests.deployment(replicas: 3)
        resource.value[path: ["spec", "strategy"]] = [
            "type": "RollingUpdate", "rollingUpdate": ["maxSurge": 1, "maxUnavailable": 0],
        ]
        resource.value[path: ["spec", "template", "metadata", "annotations"]] = ["version": .string(version)]
        return resource
    }

    static let key = ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "web")

    static func status(_ cluster: SimulatedCluster, _ field: String) async throws -> Int? {
        try await cluster.get([key])[key]?.value[path: ["status", field]]?.intValue
    }

    @Test(.timeLimit(.minutes(2)), arguments: Kind.allCases)
    func createRollOutSelfHealAndDelete(kind: Kind) async throws {
        let backend = try await Self.start(kind)
        defer { backend.tasks.forEach { $0.cancel() } }
        let cluster = backend.cluster
        do {
            try await cluster.apply([Self.deployment(version: "1")]).forEach { _ = try $0.get() }
            #expect(
                try await DockerNodeAgentTests.eventually(30) {
                    try await Self.status(cluster, "availableReplicas") == 3
                },
                "\(kind): not available")

            // A template change rolls out one extra pod at a time, never below 3 available.
            try await cluster.apply([Self.deployment(version: "2")]).forEach { _ = try $0.get() }
            var mostRunning = 0
            var fewestAvailable = Int.max
            let done = try await DockerNodeAgentTests.eventually(60) {
                mostRunning = max(mostRunning, await backend.running())
                fewestAvailable = min(fewestAvailable, try await Self.status(cluster, "availableReplicas") ?? 0)
                let updated = try await Self.status(cluster, "updatedReplicas")
                let available = try await Self.status(cluster, "availableReplicas")
                let replicas = try await Self.status(cluster, "replicas")
                return updated == 3 && available == 3 && replicas == 3
            }
            #expect(done, "\(kind): the rollout did not complete")
            #expect(mostRunning <= 4, "\(kind): \(mostRunning) running at once, more than replicas + maxSurge")
            #expect(fewestAvailable >= 3, "\(kind): availability fell to \(fewestAvailable)")
            #expect(try await DockerNodeAgentTests.eventually(20) { await backend.running() == 3 })

            // Self-heal: a deleted pod is replaced.
            let pods = try await cluster.list(ResourceTypes.pod, namespace: "default")
            let victim = try #require(pods.first)
            let victimUID = victim.value[path: ["metadata", "uid"]]
            _ = await cluster.delete([victim.key])
            #expect(
                try await DockerNodeAgentTests.eventually(30) {
                    let now = try await cluster.list(ResourceTypes.pod, namespace: "default")
                    let available = try await Self.status(cluster, "availableReplicas")
                    return !now.contains { $0.value[path: ["metadata", "uid"]] == victimUID } && available == 3
                }, "\(kind): the deleted pod was not replaced")

            // Delete: pods and containers go.
            _ = await cluster.delete([Self.key])
            #expect(
                try await DockerNodeAgentTests.eventually(30) {
                    let remaining = try await cluster.list(ResourceTypes.pod, namespace: "default")
                    return remaining.isEmpty
                }, "\(kind): pods remain")
            let anyRunning = try await DockerNodeAgentTests.eventually(30) { await backend.running() == 0 }
            #expect(anyRunning, "\(kind): something still runs")
        } catch {
            await backend.cleanup()
            throw error
        }
        await backend.cleanup()
    }
}
