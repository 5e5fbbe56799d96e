import CapstanCluster
import CapstanDocker
import CapstanModel
import CapstanTestSupport
import Foundation
import Testing

@testable import CapstanDockerBackend

/// A container name the agent wants is held by a container it did not make (run by hand, or by another Capstan
/// on the same daemon): that container is left alone and the pod waits with a CreateContainerError naming the
/// holder; once the name is free the pod starts. A leftover of this node's own earlier pod of the same name is
/// replaced instead.
@Suite(.serialized) struct NameConflictTests {
    static func pod(_ name: String) -> Resource {
        Resource(
            apiVersion: "v1", kind: "Pod", namespace: "default", name: name,
            spec: [
                "containers": [["name": "main", "image": "capstan-test/busybox:1", "command": ["sleep", "3600"]]],
                "terminationGracePeriodSeconds": 1,
            ])
    }

    @Test(.timeLimit(.minutes(2))) func aNameHeldByAnotherContainerIsNotTakenFromIt() async throws {
        let harness = try AgentHarness(ports: 33_900...33_949)
        let name = "taken-\(harness.node)"
        let containerName = "default-\(name)"
        let engine = harness.engine
        var spec = ContainerSpec(image: "capstan-test/busybox:1")
        spec.cmd = ["sleep", "3600"]
        spec.runsInit = true
        spec.labels = ["capstan.test": containerName]
        let holder = try await engine.createContainer(name: containerName, spec: spec)
        do {
            try await engine.startContainer(holder)
            try await harness.apply([Self.pod(name)])
            let waiting = try await DockerNodeAgentTests.eventually(20) {
                let state = try await harness.containerStatus(name)?[path: ["state", "waiting"]]
                return state?["reason"] == "CreateContainerError"
                    && state?["message"]?.stringValue?.contains(
                        "the name is taken by a container Capstan does not manage, not of node \(harness.node)") == true
            }
            #expect(waiting, "the pod does not say its container's name is taken")
            let kept = try await engine.inspectContainer(holder)
            #expect(kept.state.running, "the container holding the name was stopped or removed")

            try await engine.removeContainer(holder, force: true)
            let started = try await DockerNodeAgentTests.eventually(30) {
                try await harness.containerStatus(name)?["ready"] == true
            }
            #expect(started, "the pod did not start once the name was free")
            let made = try await engine.inspectContainer(containerName)
            #expect(made.labels[ContainerLabels.node] == harness.node)
        } catch {
            try? await engine.removeContainer(holder, force: true)
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    @Test(.timeLimit(.minutes(1))) func aLeftoverOfThisNodeIsReplaced() async throws {
        let harness = try AgentHarness(ports: 33_950...33_999)
        let name = "left-\(harness.node)"
        var spec = ContainerSpec(image: "capstan-test/busybox:1", cmd: ["sleep", "3600"])
        spec.labels = [ContainerLabels.managed: "true", ContainerLabels.node: harness.node]
        let leftover = try await harness.engine.createContainer(name: "default-\(name)", spec: spec)
        do {
            try await harness.apply([Self.pod(name)])
            let started = try await DockerNodeAgentTests.eventually(20) {
                try await harness.containerStatus(name)?["ready"] == true
            }
            #expect(started, "the pod did not start in place of its node's leftover container")
            let now = try await harness.engine.inspectContainer("default-\(name)")
            #expect(now.id != leftover)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }
}
