import CapstanDocker
import Testing

/// Bad specs and name clashes fail with the daemon's message, the container's name, and no env values.
struct CreateErrorTests {
    @Test func badSpecCarriesTheDaemonsMessageAndIsNotRetryable() async throws {
        try await withDockerScope { scope in
            var spec = scope.spec()
            spec.memoryBytes = 1024
            spec.env = ["DATABASE_PASSWORD": "s3cr3t-value"]
            let name = scope.name("tiny")
            let error = try await #require(throws: DockerError.self) {
                _ = try await scope.engine.createContainer(name: name, spec: spec)
            }
            #expect(error.status == 400)
            #expect(error.kind == .invalidRequest)
            #expect(!error.isRetryable)
            #expect(error.message.contains("Minimum memory limit allowed is 6MB"))
            #expect(error.description.contains("create container \(name)"))
            #expect(!error.description.contains("s3cr3t-value"))
            #expect(!"\(spec)".contains("s3cr3t-value"))
        }
    }

    @Test func emptyImageWithoutCommandIsRejectedByTheDaemon() async throws {
        try await withDockerScope { scope in
            let error = try await #require(throws: DockerError.self) {
                _ = try await scope.engine.createContainer(
                    name: scope.name("empty"), spec: ContainerSpec(image: "", labels: scope.labels))
            }
            #expect(error.status == 400)
            #expect(!error.isRetryable)
            #expect(error.message == "No command specified")
        }
    }

    @Test func missingImageIsNotFound() async throws {
        try await withDockerScope { scope in
            let error = try await #require(throws: DockerError.self) {
                _ = try await scope.engine.createContainer(
                    name: scope.name("noimage"),
                    spec: ContainerSpec(image: "capstan-test/absent:1", labels: scope.labels))
            }
            #expect(error.isNotFound)
            #expect(error.message.contains("No such image: capstan-test/absent:1"))
        }
    }

    @Test func takenNameIsAConflict() async throws {
        try await withDockerScope { scope in
            _ = try await scope.engine.createContainer(name: scope.name("dup"), spec: scope.spec())
            let error = try await #require(throws: DockerError.self) {
                _ = try await scope.engine.createContainer(name: scope.name("dup"), spec: scope.spec())
            }
            #expect(error.isConflict)
            #expect(error.message.contains("is already in use"))
            #expect(!error.isRetryable)
        }
    }
}
