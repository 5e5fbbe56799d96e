import CapstanDocker
import Foundation
import Testing

/// Create, start, inspect, list by label, stop (with an init as PID 1) and remove.
struct ContainerLifecycleTests {
    @Test func createStartInspectListStopRemove() async throws {
        try await withDockerScope { scope in
            let engine = scope.engine
            let id = try await scope.run("web")
            // A container of another test (another label value) must not be listed.
            try await withDockerScope { other in
                _ = try await other.engine.createContainer(name: other.name("decoy"), spec: other.spec())
                let running = try await engine.inspectContainer(id)
                #expect(running.id == id)
                #expect(running.name == scope.name("web"))
                #expect(running.state.status == "running")
                #expect(running.state.running)
                #expect(running.state.startedAt != nil)
                #expect(running.state.finishedAt == nil)
                #expect(running.hostConfig.networkMode == "host")
                #expect(running.hostConfig.runsInit)
                let listed = try await engine.listContainers(labels: scope.filter, all: true)
                #expect(listed.map(\.id) == [id])
                #expect(listed.first?.names == [scope.name("web")])
                #expect(listed.first?.state == "running")
                #expect(listed.first?.image == "capstan-test/busybox:1")
                let any = try await engine.listContainers(labels: ["capstan.test": nil], all: true)
                #expect(any.count >= 2)
            }

            let start = ContinuousClock.now
            try await engine.stopContainer(id, timeoutSeconds: 10)
            let stopTime = start.duration(to: .now)
            #expect(stopTime < .seconds(6), "sleep under docker-init stops on SIGTERM, not after the 10 s grace period")
            let stopped = try await engine.inspectContainer(id)
            #expect(!stopped.state.running)
            #expect(stopped.state.status == "exited")
            #expect(stopped.state.finishedAt != nil)
            #expect(try await engine.listContainers(labels: scope.filter, all: false).isEmpty)
            // Stopping again and starting twice are no-ops (HTTP 304), not errors.
            try await engine.stopContainer(id, timeoutSeconds: 1)

            try await engine.removeContainer(id)
            let error = try await #require(throws: DockerError.self) { try await engine.inspectContainer(id) }
            #expect(error.isNotFound)
            #expect(error.status == 404)
            #expect(!error.isRetryable)
        }
    }

    @Test func startingARunningContainerIsANoOp() async throws {
        try await withDockerScope { scope in
            let id = try await scope.run("twice")
            try await scope.engine.startContainer(id)
            #expect(try await scope.engine.inspectContainer(id).state.running)
        }
    }

    @Test func removingARunningContainerNeedsForce() async throws {
        try await withDockerScope { scope in
            let id = try await scope.run("busy")
            let error = try await #require(throws: DockerError.self) { try await scope.engine.removeContainer(id) }
            #expect(error.isConflict)
            #expect(error.message.lowercased().contains("stop the container"))
            try await scope.engine.removeContainer(id, force: true)
            #expect(try await scope.engine.listContainers(labels: scope.filter).isEmpty)
        }
    }
}
