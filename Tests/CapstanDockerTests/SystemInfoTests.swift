import CapstanDocker
import Testing

/// The daemon answers ping, version and info with the figures a node reports.
struct SystemInfoTests {
    @Test func pingVersionAndInfo() async throws {
        let engine = try DockerDaemon.engine()
        defer { engine.shutdown() }
        try await engine.ping()
        let version = try await engine.version()
        let apiVersion = version.apiVersion.split(separator: ".").map { Int($0) ?? 0 }
        #expect(!apiVersion.lexicographicallyPrecedes([1, 41]), "API \(version.apiVersion) is older than 1.41")
        #expect(version.os == "linux")
        let info = try await engine.info()
        #expect(info.cpus > 0)
        #expect(info.memoryBytes > 64 << 20)
        #expect(!info.name.isEmpty)
        #expect(info.serverVersion == version.version)
    }

    @Test func missingSocketIsARetryableUnavailableError() async throws {
        let engine = try DockerEngine("unix:///tmp/cdk-no-such-dir/docker.sock")
        defer { engine.shutdown() }
        let error = try await #require(throws: DockerError.self) { try await engine.ping() }
        #expect(error.kind == .unavailable)
        #expect(error.isRetryable)
        #expect(error.description.contains("ping unix:///tmp/cdk-no-such-dir/docker.sock"))
    }
}
