import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// A container changed by hand is replaced by one made from its pod again: a memory limit changed with
/// `docker update` (seen through Docker's `update` event), and a container run by hand with another image in
/// place of the pod's; each with a Warning event saying it was changed outside Capstan.
@Suite(.serialized) struct DriftTests {
    static func docker(_ arguments: String...) throws -> Shell.Result {
        let result = Shell.run(["env", "DOCKER_HOST=\(try DockerTestDaemon.host.get())", "docker"] + arguments)
        #expect(result.status == 0, "docker \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    @Test(.timeLimit(.minutes(2))) func containersChangedByHandAreReplaced() async throws {
        // No drift-timer pass during the test: the limit changed by hand is seen through Docker's `update` event.
        let harness = try AgentHarness(ports: 33_100...33_199, driftInterval: .seconds(120))
        let limited = AgentHarness.deployment(
            "limited", command: "exec sleep 3600",
            container: ["resources": ["limits": ["memory": "32Mi", "cpu": "500m"]]])
        do {
            try await harness.apply([limited])
            let started = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containerStatus("limited-")?["ready"] == true
            }
            try #require(started, "the pod did not start")
            let first = try #require(try await harness.containers().first)
            let uid = try #require(first.labels[ContainerLabels.podUID])

            _ = try Self.docker("update", "--memory", "64m", "--memory-swap", "128m", first.id)
            let replaced = try await DockerNodeAgentTests.eventually(20) {
                let now = try await harness.containers()
                guard now.count == 1, let container = now.first, container.id != first.id else { return false }
                guard let details = try? await harness.engine.inspectContainer(container.id) else { return false }
                return details.state.running && details.hostConfig.memoryBytes == 32 << 20
                    && details.hostConfig.nanoCPUs == 500_000_000
            }
            #expect(replaced, "the container whose memory limit was changed by hand was not replaced")
            let memoryEvent = try await DockerNodeAgentTests.eventually(10) {
                try await harness.events(about: "limited-").contains {
                    $0["reason"] == "Drifted" && $0["type"] == "Warning"
                        && $0["message"]?.stringValue?.contains("changed outside Capstan (memory limit 67108864")
                            == true
                }
            }
            #expect(memoryEvent, "no Warning event about the memory limit changed by hand")

            // Run by hand with another image, labelled as the pod's container: the newer one is kept (creation
            // times are whole seconds: a second later), then replaced since its image is not the pod's.
            let current = try #require(try await harness.containers().first)
            try await Task.sleep(for: .milliseconds(1100))
            _ = try Self.docker("tag", "capstan-test/busybox:1", "capstan-test/other:1")
            var arguments = ["run", "-d", "--name", "hand-\(harness.node)", "--network", "host"]
            for label in [
                ContainerLabels.managed, ContainerLabels.node, ContainerLabels.podUID,
                ContainerLabels.container, ContainerLabels.port, ContainerLabels.namespace, ContainerLabels.pod,
            ] {
                arguments += ["--label", "\(label)=\(current.labels[label] ?? "")"]
            }
            let hand = Shell.run(
                ["env", "DOCKER_HOST=\(try DockerTestDaemon.host.get())", "docker"] + arguments + [
                    "capstan-test/other:1", "sleep", "3600",
                ])
            try #require(hand.status == 0, "docker run: \(hand.stdout) \(hand.stderr)")
            let restored = try await DockerNodeAgentTests.eventually(20) {
                let now = try await harness.containers()
                return now.count == 1 && now[0].image == "capstan-test/busybox:1" && now[0].state == "running"
                    && now[0].labels[ContainerLabels.podUID] == uid && now[0].id != current.id
            }
            #expect(restored, "the container run by hand with another image was not replaced")
            let imageEvent = try await DockerNodeAgentTests.eventually(10) {
                try await harness.events(about: "limited-").contains {
                    $0["message"]?.stringValue?.contains("(image capstan-test/other:1, not capstan-test/busybox:1)")
                        == true
                }
            }
            #expect(imageEvent, "no Warning event about the image changed by hand")
        } catch {
            await harness.stop()
            _ = try? Self.docker("rmi", "capstan-test/other:1")
            throw error
        }
        await harness.stop()
        // Only the tag goes (the image is capstan-test/busybox:1's): other tests list that image's tags.
        _ = try? Self.docker("rmi", "capstan-test/other:1")
    }
}
