import Foundation

/// A real git remote made with the git CLI: a bare repository and a working clone that writes files, commits
/// and pushes, as a user would. Only local paths: the remote is served over `file://`.
struct GitWorkspace: Sendable {
    let root: URL
    let bare: URL
    let work: URL

    /// `file://` URL of the bare repository, as an app's `repo` and a webhook's `clone_url` name it.
    var url: String { "file://\(bare.path)" }

    /// Creates `root/remote.git` (bare, branch `main`) and `root/work` (a clone with `origin` set).
    init(root: URL) throws {
        self.root = root
        bare = root.appendingPathComponent("remote.git")
        work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try run(["init", "--quiet", "--bare", "--initial-branch=main", bare.path], in: root)
        try run(["init", "--quiet", "--initial-branch=main", work.path], in: root)
        try run(["remote", "add", "origin", bare.path])
    }

    /// Writes `files` (path under the clone → contents) and commits them; returns the commit id. Not pushed.
    func commit(_ files: [String: String], message: String) throws -> String {
        for (path, contents) in files {
            let file = work.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: file)
        }
        try run(["add", "--all"])
        try run(["commit", "--quiet", "--allow-empty", "-m", message])
        return try run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Pushes `commit` (default: the clone's HEAD) to `main` of the remote.
    func push(_ commit: String = "HEAD") throws {
        try run(["push", "--quiet", "origin", "\(commit):refs/heads/main"])
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs `git ARGUMENTS` in `directory` (the clone by default) with a fixed author and no user config.
    @discardableResult
    private func run(_ arguments: [String], in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory ?? work
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["HOME"] = root.path
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "Capstan Bench"
            environment["GIT_\(role)_EMAIL"] = "bench@example.com"
        }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(
                "git \(arguments.joined(separator: " ")) failed in \(process.currentDirectoryURL?.path ?? "?"): "
                    + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
