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

/// A control plane with one node on the test daemon and its running agent, for tests of one behaviour of the
/// agent; `stop()` cancels both and removes the node's containers.
struct AgentHarness {
    let engine: DockerEngine
    let node: String
    let cluster: SimulatedCluster
    let agent: DockerNodeAgent
    let tasks: [Task<Void, Never>]

    init(
        ports: ClosedRange<Int>, settings: NodeAgentSettings = NodeAgentSettings(),
        driftInterval: Duration = .milliseconds(500), logger: Logger = Logger(label: "test")
    ) throws {
        engine = try DockerEngine(DockerTestDaemon.host.get())
        node = "docker-t\(UUID().uuidString.prefix(8).lowercased())"
        cluster = try TestControlPlane.make(nodes: [node])
        agent = DockerNodeAgent(
            node: node, engine: engine, cluster: cluster, ports: PortAllocator(range: ports),
            http: DockerNodeAgentTests.http, logger: logger, settings: settings)
        let cluster = cluster
        let agent = agent
        tasks = [
            Task { await cluster.runRealTime(clock: ContinuousClock(), timeScale: 1) },
            Task { await agent.run(driftInterval: driftInterval) },
        ]
    }

    /// The node's containers (labelled with its name), stopped ones too.
    func containers() async throws -> [ContainerSummary] {
        try await engine.listContainers(labels: [ContainerLabels.node: node])
    }

    func stop() async {
        tasks.forEach { $0.cancel() }
        for container in (try? await containers()) ?? [] {
            try? await engine.removeContainer(container.id, force: true)
        }
    }

    func apply(_ resources: [Resource]) async throws {
        try await cluster.apply(resources).forEach { _ = try $0.get() }
    }

    /// The pods whose name starts with `prefix` in `namespace`.
    func pods(_ prefix: String, namespace: String = "default") async throws -> [Resource] {
        try await cluster.list(ResourceTypes.pod, namespace: namespace).filter { $0.name.hasPrefix(prefix) }
    }

    /// The first container status of the first pod named `prefix…`.
    func containerStatus(_ prefix: String, namespace: String = "default") async throws -> Value? {
        try await pods(prefix, namespace: namespace).first?.value[path: ["status", "containerStatuses"]]?.arrayValue?
            .first
    }

    /// The control plane's events about objects named `prefix…` (as `capstan get events` lists them).
    func events(about prefix: String, namespace: String = "default") async throws -> [Value] {
        try await cluster.list(ResourceTypes.event, namespace: namespace).map(\.value).filter {
            $0[path: ["involvedObject", "name"]]?.stringValue?.hasPrefix(prefix) == true
        }
    }

    /// A Deployment `name` of one replica running `command` in the test image.
    static func deployment(
        _ name: String, command: String, namespace: String = "default", container extra: [String: Value] = [:],
        pod podExtra: [String: Value] = [:], replicas: Int = 1
    ) -> Resource {
        var container: [String: Value] = [
            "name": "main", "image": "capstan-test/busybox:1", "command": ["sh", "-c", .string(command)],
        ]
        container.merge(extra) { _, new in new }
        var podSpec: [String: Value] = ["containers": [.object(container)], "terminationGracePeriodSeconds": 1]
        podSpec.merge(podExtra) { _, new in new }
        return Resource(
            apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name,
            spec: [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["metadata": ["labels": ["app": .string(name)]], "spec": .object(podSpec)],
            ])
    }
}
