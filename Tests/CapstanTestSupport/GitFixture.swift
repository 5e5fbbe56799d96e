import Foundation

/// A real git remote for tests: a bare repository and a working clone that commits and pushes with the git CLI.
public final class GitFixture: @unchecked Sendable {
    public let root: URL
    public let bare: URL
    public let work: URL
    private var tick = 0

    /// `file://` URL of the bare repository.
    public var url: String { "file://\(bare.path)" }

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-git-\(UUID().uuidString)")
        bare = root.appendingPathComponent("remote.git")
        work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--bare", "--initial-branch=main", bare.path], in: root)
        try git(["init", "--quiet", "--initial-branch=main", work.path], in: root)
        try git(["remote", "add", "origin", bare.path])
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Writes files (path → contents, nil deletes), commits and pushes; returns the commit id.
    @discardableResult
    public func commit(
        _ files: [String: String?], message: String, author: String = "Ada Lovelace",
        email: String = "ada@example.com"
    ) throws -> String {
        for (path, contents) in files {
            let file = work.appendingPathComponent(path)
            if let contents {
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: file, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(at: file)
            }
        }
        try git(["add", "--all"])
        tick += 1
        let date = "2026-01-0\(min(tick, 9))T10:00:00Z"
        try git(
            ["commit", "--quiet", "--allow-empty", "-m", message],
            environment: [
                "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
                "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
            ])
        try git(["push", "--quiet", "origin", "main"])
        return try output(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    public func git(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> String
    {
        try output(arguments, in: directory, environment: environment)
    }

    public func output(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory ?? work
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["HOME"] = root.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(
                "git \(arguments.joined(separator: " ")) failed: \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
