import Foundation

/// docker-compose run as a user runs it, one process per command, against the benchmark's daemon
/// (`DOCKER_HOST`), in the folder of the generated compose file; its output goes to a log file there.
struct ComposeCommand: Sendable {
    /// The docker-compose executable (a name looked up in `PATH`, or a path).
    let executable: String
    let dockerHost: String
    let folder: URL
    let project: String

    /// `docker-compose -p PROJECT ARGUMENTS`, timed from just before the process is launched until it has exited.
    /// Fails, with the end of its output, when it exits with a non-zero status.
    @discardableResult
    func run(_ arguments: [String], project named: Bool = true) async throws -> Duration {
        let log = folder.appendingPathComponent("compose.log")
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        try output.seekToEnd()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + (named ? ["-p", project] : []) + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["DOCKER_HOST"] = dockerHost
        environment["COMPOSE_INTERACTIVE_NO_CLI"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let (status, duration) = try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<(Int32, Duration), any Error>) in
            let start = ContinuousClock.now
            process.terminationHandler = { process in
                continuation.resume(returning: (process.terminationStatus, start.duration(to: .now)))
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: BenchError("cannot run \(executable): \(error)"))
            }
        }
        guard status == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BenchError(
                "\(executable) \(arguments.joined(separator: " ")) exited with \(status); its output ends:\n"
                    + text.split(separator: "\n").suffix(15).joined(separator: "\n"))
        }
        return duration
    }

    /// The output of `docker-compose version --short` (its interpreter start, nothing sent to the daemon).
    func version() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "version", "--short"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
