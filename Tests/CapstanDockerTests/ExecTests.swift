import CapstanDocker
import Testing

/// `exec` returns the command's exit code and its output, stdout and stderr apart and together.
struct ExecTests {
    @Test func exitCodeAndOutput() async throws {
        try await withDockerScope { scope in
            let id = try await scope.run("exec")
            let result = try await scope.engine.exec(id, command: ["sh", "-c", "echo hi; exit 3"])
            #expect(result.exitCode == 3)
            #expect(result.output == "hi\n")

            let both = try await scope.engine.exec(id, command: ["sh", "-c", "echo out; echo err >&2; echo again"])
            #expect(both.exitCode == 0)
            #expect(both.stdout == "out\nagain\n")
            #expect(both.stderr == "err\n")
            #expect(both.output.count == "out\nerr\nagain\n".count)
        }
    }

    @Test func largeOutputIsReassembledFromFrames() async throws {
        try await withDockerScope { scope in
            let id = try await scope.run("big")
            let result = try await scope.engine.exec(id, command: ["sh", "-c", "seq 1 20000"])
            #expect(result.exitCode == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 20000)
            #expect(lines.last == "20000")
        }
    }

    @Test func missingCommandAndStoppedContainerAreErrors() async throws {
        try await withDockerScope { scope in
            let id = try await scope.run("stopped")
            let missing = try await scope.engine.exec(id, command: ["no-such-command"])
            // The runtime, not a shell, reports it: 126 (a shell would say 127).
            #expect(missing.exitCode == 126)
            #expect(missing.output.contains("executable file not found"))
            try await scope.engine.stopContainer(id, timeoutSeconds: 1)
            let error = try await #require(throws: DockerError.self) {
                try await scope.engine.exec(id, command: ["true"])
            }
            #expect(error.isConflict)
            #expect(error.message.contains("is not running"))
            #expect(error.description.contains("exec true in container"))
        }
    }
}
