import CapstanDocker
import Foundation

/// One test's engine and unique `capstan.test=<uuid>` label; everything created with it is removed at the end.
struct DockerTestScope {
    let engine: DockerEngine
    let id = UUID().uuidString.lowercased()

    /// The labels this test puts on its containers and volumes.
    var labels: [String: String] { ["capstan.test": id] }
    /// The filter that finds only this test's objects.
    var filter: [String: String?] { ["capstan.test": id] }

    /// A container or volume name unique to this test.
    func name(_ suffix: String) -> String {
        "cdt-\(id.prefix(8))-\(suffix)"
    }

    /// A test-image container spec that runs `command` (default: sleep for an hour), with this test's labels.
    func spec(_ command: [String] = ["sleep", "3600"]) -> ContainerSpec {
        ContainerSpec(image: "capstan-test/busybox:1", cmd: command, labels: labels)
    }

    /// Creates and starts a container; returns its ID.
    func run(_ suffix: String, _ spec: ContainerSpec? = nil) async throws -> String {
        let id = try await engine.createContainer(name: name(suffix), spec: spec ?? self.spec())
        try await engine.startContainer(id)
        return id
    }

    /// Removes this test's containers and volumes.
    func cleanUp() async {
        for container in (try? await engine.listContainers(labels: filter, all: true)) ?? [] {
            try? await engine.removeContainer(container.id, force: true, volumes: true)
        }
        for volume in (try? await engine.listVolumes(labels: filter)) ?? [] {
            try? await engine.removeVolume(volume.name, force: true)
        }
    }
}

/// Runs `body` with a fresh scope on the test daemon and cleans up after it, also when it throws.
func withDockerScope(
    maxConnections: Int = 16, _ body: (DockerTestScope) async throws -> Void
) async throws {
    let scope = DockerTestScope(engine: try DockerDaemon.engine(maxConnections: maxConnections))
    defer { scope.engine.shutdown() }
    do {
        try await body(scope)
    } catch {
        await scope.cleanUp()
        throw error
    }
    await scope.cleanUp()
}
