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

/// Two daemons as two nodes: replicas spread over both; a daemon that stops answering (frozen with SIGSTOP) has
/// its node failed and its replicas recreated on the other; when it answers again, its node recovers and the
/// containers it kept running meanwhile (strays) are removed.
@Suite(.serialized) struct DaemonFailureTests {
    @Test(.timeLimit(.minutes(2))) func aSilentDaemonsReplicasMoveAndItsStraysAreCleanedWhenItReturns() async throws {
        let first = try DockerEngine(DockerTestDaemon.host.get())
        let folder = "/tmp/cdk2-\(getpid())"
        let script = DockerTestDaemon.repositoryRoot.appendingPathComponent("scripts/test-dockerd.sh").path
        let started = Shell.run(["/bin/bash", script, "start", folder])
        try #require(started.status == 0, "second daemon: \(started.stderr)")
        defer {
            _ = Shell.run([
                "/bin/bash", "-c",
                "kill -CONT $(cat \(folder)/docker.pid) 2>/dev/null; '\(script)' stop \(folder); rm -rf \(folder)",
            ])
        }
        let timeouts = DockerTimeouts(connect: .seconds(1), request: .seconds(2))
        let second = try DockerEngine(
            started.stdout.trimmingCharacters(in: .whitespacesAndNewlines), timeouts: timeouts)
        let suffix = UUID().uuidString.prefix(6).lowercased()
        let nodes = ["docker-a\(suffix)", "docker-b\(suffix)"]
        let cluster = try TestControlPlane.make(nodes: nodes, defaultTolerationSeconds: 2)
        let ports = PortAllocator(range: 31_500...31_999)
        let http = CurlHTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(2)))
        let agents = zip(nodes, [first, second]).map { node, engine in
            DockerNodeAgent(
                node: node, engine: engine, cluster: cluster, ports: ports, http: http, logger: Logger(label: "test"))
        }
        let clock = Task { await cluster.runRealTime(clock: ContinuousClock(), timeScale: 1) }
        let loops = agents.map { agent in Task { await agent.run(driftInterval: .milliseconds(500)) } }
        defer {
            loops.forEach { $0.cancel() }
            clock.cancel()
        }
        func running(_ engine: DockerEngine, _ node: String) async -> Int {
            ((try? await engine.listContainers(labels: [ContainerLabels.node: node])) ?? []).filter {
                $0.state == "running"
            }.count
        }
        do {
            try await cluster.apply([DockerNodeAgentTests.deployment(replicas: 4)]).forEach { _ = try $0.get() }
            let spread = try await DockerNodeAgentTests.eventually(30) {
                let a = await running(first, nodes[0])
                let b = await running(second, nodes[1])
                return a == 2 && b == 2
            }
            #expect(spread, "4 replicas should run 2 and 2")

            let pid = try String(contentsOfFile: "\(folder)/docker.pid", encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines)
            _ = Shell.run(["kill", "-STOP", pid])
            let moved = try await DockerNodeAgentTests.eventually(60) { await running(first, nodes[0]) == 4 }
            #expect(moved, "the frozen daemon's replicas were not recreated on the other node")
            let key = ResourceKey(group: "apps", kind: "Deployment", namespace: "default", name: "web")
            let available = try await DockerNodeAgentTests.eventually(20) {
                try await cluster.get([key])[key]?.value[path: ["status", "availableReplicas"]] == 4
            }
            #expect(available)

            _ = Shell.run(["kill", "-CONT", pid])
            // Only an answered, empty list counts: a daemon still waking up times out, which is not "cleaned".
            let cleaned = try await DockerNodeAgentTests.eventually(30) {
                (try? await second.listContainers(labels: [ContainerLabels.node: nodes[1]]))?.isEmpty == true
            }
            #expect(cleaned, "the returning daemon's stray containers were not removed")
            // The node is recovered at the end of the pass that removed the strays.
            let nodeKey = ResourceKey(group: "", kind: "Node", namespace: "", name: nodes[1])
            let recovered = try await DockerNodeAgentTests.eventually(10) {
                let node = try await cluster.get([nodeKey])[nodeKey]
                return node != nil
                    && node?.value[path: ["metadata", "annotations", "simulation.capstan.io/failed-at"]] == nil
            }
            #expect(recovered, "the returning daemon's node is still marked failed")
        } catch {
            await removeContainers()
            throw error
        }
        await removeContainers()

        /// Stops the agents first (a running agent would recreate what is removed), then removes the containers.
        func removeContainers() async {
            loops.forEach { $0.cancel() }
            clock.cancel()
            for container in (try? await first.listContainers(labels: [ContainerLabels.node: nodes[0]])) ?? [] {
                try? await first.removeContainer(container.id, force: true)
            }
        }
    }
}
