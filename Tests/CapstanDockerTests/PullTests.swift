import CapstanDocker
import Synchronization
import Testing

/// Pulls from a registry on 127.0.0.1: progress lines, errors inside the stream and before it.
struct PullTests {
    @Test func localImageExistsAndMissingOneDoesNot() async throws {
        let engine = try DockerDaemon.engine()
        defer { engine.shutdown() }
        #expect(try await engine.imageExists("capstan-test/busybox:1"))
        #expect(try await engine.imageExists("capstan-test/does-not-exist:1") == false)
        let image = try await engine.inspectImage("capstan-test/busybox:1")
        // Other tests may tag the same image meanwhile (DriftTests: capstan-test/other:1).
        #expect(image.repoTags.contains("capstan-test/busybox:1"))
        #expect(image.cmd == ["/bin/sh"])
        #expect(image.id.hasPrefix("sha256:"))
    }

    @Test func pullReportsProgressAndTheImageArrives() async throws {
        let registry = try TestRegistry()
        let engine = try DockerDaemon.engine()
        defer { engine.shutdown() }
        let reference = "\(registry.address)/capstan-test/hello:1"
        let lines = Mutex<[PullProgress]>([])
        try await engine.pullImage(reference) { line in lines.withLock { $0.append(line) } }
        let progress = lines.withLock { $0 }
        let statuses = progress.map(\.status)
        #expect(statuses.first == "Pulling from capstan-test/hello")
        #expect(statuses.contains { $0.hasPrefix("Digest: sha256:") })
        // Layer lines appear only when the daemon lacks the layer (a reused daemon may have it).
        for line in progress where line.status == "Downloading" {
            #expect((line.current ?? 0) > 0 && line.total == line.current)
        }
        #expect(statuses.last == "Status: Downloaded newer image for \(reference)")
        let image = try await engine.inspectImage(reference)
        #expect(image.cmd == ["/hello.txt"])
        try await engine.removeImage(reference)
        #expect(try await engine.imageExists(reference) == false)
    }

    @Test func errorLineInTheStreamFailsThePull() async throws {
        let registry = try TestRegistry()
        let engine = try DockerDaemon.engine()
        defer { engine.shutdown() }
        let reference = "\(registry.address)/capstan-test/corrupt:1"
        let lines = Mutex<[String]>([])
        let error = try await #require(throws: DockerError.self) {
            try await engine.pullImage(reference) { line in lines.withLock { $0.append(line.status) } }
        }
        #expect(error.kind == .pullFailed)
        #expect(error.message.contains("filesystem layer verification failed for digest sha256:"))
        #expect(error.description.contains("pull image \(reference)"))
        #expect(lines.withLock { $0.contains("Pulling fs layer") })
        #expect(try await engine.imageExists(reference) == false)
    }

    @Test func unknownManifestFailsBeforeTheStreamAndIsPermanent() async throws {
        let registry = try TestRegistry()
        let engine = try DockerDaemon.engine()
        defer { engine.shutdown() }
        let error = try await #require(throws: DockerError.self) {
            try await engine.pullImage("\(registry.address)/capstan-test/does-not-exist:1")
        }
        #expect(error.status == 500)
        #expect(error.message == "manifest unknown")
        #expect(!error.isRetryable)
    }

    @Test func pullFromAnUnreachableRegistryFailsWithTheDaemonsMessage() async throws {
        let engine = try DockerDaemon.engine()
        defer { engine.shutdown() }
        // Port 1 on 127.0.0.1 refuses at once: no network needed, nothing leaves the host.
        let error = try await #require(throws: DockerError.self) {
            try await engine.pullImage("127.0.0.1:1/nothing:1")
        }
        #expect(error.message.contains("connection refused"))
        #expect(error.message.contains("127.0.0.1:1"))
        #expect(error.description.contains("pull image 127.0.0.1:1/nothing:1"))
        #expect(error.isRetryable, "an unreachable registry may come back")
    }
}
