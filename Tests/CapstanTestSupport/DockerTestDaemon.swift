import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The private Docker daemon the tests use: `CAPSTAN_TEST_DOCKER_HOST` when set (`make test` starts one), otherwise
/// one started with `scripts/test-dockerd.sh` once per test process (and stopped when the process exits).
/// Never the host's default daemon; tests that need it fail, never skip, when it cannot start.
public enum DockerTestDaemon {
    /// Why the daemon could not be started; the script's stderr.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The repository root, found from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The daemon's directory when this process started it (short: containerd's socket paths are limited).
    static let directory = "/tmp/cdk-\(getpid())"

    /// The endpoint (`unix:///…/docker.sock`), started on first use.
    public static let host: Result<String, StartError> = {
        if let host = ProcessInfo.processInfo.environment["CAPSTAN_TEST_DOCKER_HOST"], !host.isEmpty {
            return .success(host)
        }
        let result = runScript("start")
        if case .success = result {
            atexit {
                let script = DockerTestDaemon.repositoryRoot.appendingPathComponent("scripts/test-dockerd.sh").path
                _ = Shell.run(["/bin/bash", script, "stop", DockerTestDaemon.directory])
                _ = Shell.run(["rm", "-rf", DockerTestDaemon.directory])
            }
        }
        return result
    }()

    private static func runScript(_ command: String) -> Result<String, StartError> {
        let script = repositoryRoot.appendingPathComponent("scripts/test-dockerd.sh").path
        let result = Shell.run(["/bin/bash", script, command, directory])
        let text = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, text.hasPrefix("unix://") else {
            return .failure(
                StartError(
                    description:
                        "test-dockerd.sh \(command) \(directory) failed (exit \(result.status)): \(result.stderr)"))
        }
        return .success(text)
    }
}
