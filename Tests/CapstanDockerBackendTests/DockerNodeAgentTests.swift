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

/// The node agent against a real (private) Docker daemon: a Deployment's pods become running containers that
/// pass their readiness probe and make the Deployment available; a container removed or killed by hand comes
/// back; deleting the Deployment removes its containers.
@Suite(.serialized) struct DockerNodeAgentTests {
    static let http = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(5)))

    static func deployment(replicas: Int) -> Resource {
        let container: Value = [
            "name": "web", "image": "capstan-test/busybox:1",
            "command": ["sh", "-c", "echo $(POD_NAME) > /tmp/index.html; exec httpd -f -p $PORT -h /tmp"],
            "env": [["name": "POD_NAME", "valueFrom": ["fieldRef": ["fieldPath": "metadata.name"]]]],
            "ports": [["containerPort": 8080]],
            "readinessProbe": ["httpGet": ["path": "/index.html", "port": 8080], "periodSeconds": 1],
        ]
        return Resource(
            apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web",
            spec: [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": "web"]],
                "template": [
                    "metadata": ["labels": ["app": "web"]],
                    "spec": ["containers": [container], "terminationGracePeriodSeconds": 1],
                ],
            ])
    }

    /// Polls `condition` every 100 ms for at most `seconds`.
    static func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await condition()
    }

    @Test(.timeLimit(.minutes(2))) func podsBecomeReadyContainersAndComeBackWhenRemovedOrKilled() async throws {
        let engine = try DockerEngine(DockerTestDaemon.host.get())
        let node = "docker-t\(UUID().uuidString.prefix(8).lowercased())"
        let mine: [String: String?] = [ContainerLabels.node: node]
        let cluster = try TestControlPlane.make(nodes: [node])
        let agent = DockerNodeAgent(
            node: node, engine: engine, cluster: cluster, ports: PortAllocator(range: 31_000...31_499),
            http: Self.http, logger: Logger(label: "test"))
        let clock = Task { await cluster.runRealTime(clock: ContinuousClock(), timeScale: 1) }
        let loop = Task { await agent.run(driftInterval: .milliseconds(500)) }
        defer {
            loop.cancel()
            clock.cancel()
        }
        do {
            try await cluster.apply([Self.deployment(replicas: 2)]).forEach { _ = try $0.get() }
            let key = ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "web")
            let available = try await Self.eventually(30) {
                try await cluster.get([key])[key]?.value[path: ["status", "availableReplicas"]] == 2
            }
            #expect(available, "the Deployment did not become available")

            var containers = try await engine.listContainers(labels: mine)
            #expect(containers.count == 2)
            #expect(containers.allSatisfy { $0.state == "running" && $0.labels["capstan.kind"] == "Deployment" })
            for container in containers {
                let port = try #require(container.labels[ContainerLabels.port])
                let answer = try await Self.http.send(HTTPRequest(url: "http://127.0.0.1:\(port)/index.html"))
                #expect(answer.text.trimmingCharacters(in: .whitespacesAndNewlines) == container.labels["capstan.pod"])
            }

            // Removed by hand: recreated for the same pod.
            let removed = try #require(containers.first)
            try await engine.removeContainer(removed.id, force: true)
            let recreated = try await Self.eventually(20) {
                let now = try await engine.listContainers(labels: mine)
                return now.count == 2
                    && now.contains {
                        $0.labels["capstan.pod"] == removed.labels["capstan.pod"] && $0.id != removed.id
                            && $0.state == "running"
                    }
            }
            #expect(recreated, "the removed container was not recreated")

            // Killed: restarted in place, its restart counted on the pod.
            containers = try await engine.listContainers(labels: mine)
            let killed = try #require(containers.first)
            try await engine.killContainer(killed.id)
            let podKey = ResourceKey(
                group: "", kind: "Pod", namespace: "default", name: killed.labels["capstan.pod"] ?? "")
            let restarted = try await Self.eventually(20) {
                let pod = try await cluster.get([podKey])[podKey]
                let status = pod?.value[path: ["status", "containerStatuses"]]?.arrayValue?.first
                return status?["restartCount"] == 1 && status?["ready"] == true
            }
            #expect(restarted, "the killed container was not restarted")

            // Deleted: every container goes.
            _ = await cluster.delete([key])
            let gone = try await Self.eventually(30) { try await engine.listContainers(labels: mine).isEmpty }
            #expect(gone, "containers of the deleted Deployment are still there")
        } catch {
            for container in (try? await engine.listContainers(labels: mine)) ?? [] {
                try? await engine.removeContainer(container.id, force: true)
            }
            throw error
        }
    }
}
