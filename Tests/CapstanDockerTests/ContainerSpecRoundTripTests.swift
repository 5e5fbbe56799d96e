import CapstanDocker
import Testing

/// What a spec asks for is what inspect shows: environment, labels, limits, mounts, working directory.
struct ContainerSpecRoundTripTests {
    @Test func envLabelsLimitsAndMountsRoundTrip() async throws {
        try await withDockerScope { scope in
            let engine = scope.engine
            let volume = scope.name("data")
            _ = try await engine.createVolume(volume, labels: scope.labels)
            var spec = scope.spec()
            spec.env = ["PORT": "30001", "GREETING": "hello = world", "EMPTY": ""]
            spec.labels["capstan.pod"] = "web-7d9f8c6b5-x2k4p"
            spec.workingDir = "/tmp"
            spec.memoryBytes = 64 << 20
            spec.nanoCPUs = 500_000_000
            spec.mounts = [.volume(volume, at: "/data"), .tmpfs(at: "/config", sizeBytes: 1 << 20, mode: 0o755)]
            spec.tmpfs = ["/run/extra": "rw,size=65536"]
            spec.stopSignal = "SIGTERM"
            let id = try await scope.run("spec", spec)

            let details = try await engine.inspectContainer(id)
            #expect(details.env["PORT"] == "30001")
            #expect(details.env["GREETING"] == "hello = world")
            #expect(details.env["EMPTY"] == "")
            #expect(details.labels == spec.labels)
            #expect(details.hostConfig.memoryBytes == 64 << 20)
            #expect(details.hostConfig.nanoCPUs == 500_000_000)
            #expect(details.hostConfig.mounts.contains(.volume(volume, at: "/data")))
            #expect(details.hostConfig.mounts.contains(.tmpfs(at: "/config", sizeBytes: 1 << 20, mode: 0o755)))
            #expect(details.hostConfig.tmpfs == ["/run/extra": "rw,size=65536"])
            #expect(!details.description.contains("hello = world"), "descriptions never show env values")

            let seen = try await engine.exec(
                id, command: ["sh", "-c", "pwd; echo $GREETING; grep -c ' /config tmpfs' /proc/mounts"])
            #expect(seen.stdout == "/tmp\nhello = world\n1\n")
            let limit = try await engine.exec(id, command: ["cat", "/sys/fs/cgroup/memory.max"])
            if limit.exitCode == 0 {  // cgroup v2; v1 keeps it elsewhere
                #expect(limit.stdout == "\(64 << 20)\n")
            }
        }
    }

    @Test func entrypointReplacesTheImageCommand() async throws {
        try await withDockerScope { scope in
            var spec = scope.spec()
            spec.entrypoint = ["sh", "-c", "exit 7"]
            spec.cmd = nil
            let id = try await scope.run("entry", spec)
            var details = try await scope.engine.inspectContainer(id)
            for _ in 0..<100 where details.state.running {
                try await Task.sleep(for: .milliseconds(20))
                details = try await scope.engine.inspectContainer(id)
            }
            #expect(details.state.status == "exited")
            #expect(details.state.exitCode == 7)
            #expect(!details.state.oomKilled)
        }
    }

    @Test func healthcheckReportsHealthy() async throws {
        try await withDockerScope { scope in
            var spec = scope.spec()
            spec.healthcheck = ContainerHealthcheck(test: ["CMD", "true"], interval: .milliseconds(200), retries: 1)
            let id = try await scope.run("health", spec)
            var health = try await scope.engine.inspectContainer(id).state.health
            #expect(health == "starting" || health == "healthy")
            for _ in 0..<50 where health != "healthy" {
                try await Task.sleep(for: .milliseconds(100))
                health = try await scope.engine.inspectContainer(id).state.health
            }
            #expect(health == "healthy")
        }
    }
}
