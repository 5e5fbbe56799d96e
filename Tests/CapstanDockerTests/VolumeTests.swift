import CapstanDocker
import Testing

/// Named volumes: create with labels, list by label, remove; a volume in use cannot be removed.
struct VolumeTests {
    @Test func createListRemove() async throws {
        try await withDockerScope { scope in
            let engine = scope.engine
            let name = scope.name("claim")
            let created = try await engine.createVolume(
                name, labels: scope.labels.merging(["capstan.claim": "data"]) { a, _ in a })
            #expect(created.name == name)
            #expect(created.driver == "local")
            #expect(created.labels["capstan.claim"] == "data")
            // Creating it again returns the same volume.
            #expect(try await engine.createVolume(name, labels: scope.labels).name == name)

            #expect(try await engine.listVolumes(labels: scope.filter).map(\.name) == [name])
            #expect(try await engine.listVolumes(labels: ["capstan.test": "someone-else"]).isEmpty)

            let id = try await scope.run(
                "user",
                ContainerSpec(
                    image: "capstan-test/busybox:1", cmd: ["sleep", "3600"], labels: scope.labels,
                    mounts: [.volume(name, at: "/data")]))
            let inUse = try await #require(throws: DockerError.self) { try await engine.removeVolume(name) }
            #expect(inUse.isConflict)
            #expect(inUse.message.contains("in use"))

            try await engine.removeContainer(id, force: true)
            try await engine.removeVolume(name)
            #expect(try await engine.listVolumes(labels: scope.filter).isEmpty)
            let gone = try await #require(throws: DockerError.self) { try await engine.removeVolume(name) }
            #expect(gone.isNotFound)
        }
    }
}
