import Foundation

/// A real git "remote" (bare repository) and a working clone that commits and pushes to it, made with
/// the git CLI. Every commit gets a fixed author and a date one minute after the previous one.
final class GitFixture: @unchecked Sendable {
    static let authorName = "Ada Lovelace"
    static let authorEmail = "ada@example.com"
    /// The first commit's author time; commit n is `firstCommitTime + 60 * (n - 1)`.
    static let firstCommitTime = 1_700_000_000

    let directory: TemporaryDirectory
    let remotePath: String
    let workPath: String
    /// A cache directory for `LibGit2Repository` objects under test.
    let cacheDirectory: String
    private var commits = 0

    /// `file://` URL of the bare remote.
    var url: String { "file://" + remotePath }

    init(name: String = "remote") throws {
        directory = try TemporaryDirectory()
        remotePath = directory.appending("\(name).git")
        workPath = directory.appending("work")
        cacheDirectory = directory.appending("cache")
        try Command.run(
            "/usr/bin/git", ["init", "--quiet", "--bare", "-b", "main", remotePath],
            environment: Self.environment(home: directory.path))
        try git("init", "--quiet", "-b", "main", workPath)
        try git("remote", "add", "origin", remotePath)
    }

    /// Runs git in the working clone with a hermetic environment; returns trimmed stdout.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try gitArguments(arguments)
    }

    @discardableResult
    func gitArguments(_ arguments: [String]) throws -> String {
        let directory = FileManager.default.fileExists(atPath: workPath) ? workPath : self.directory.path
        var environment = Self.environment(home: self.directory.path)
        let date = "@\(Self.firstCommitTime + 60 * max(commits - 1, 0)) +0000"
        environment["GIT_AUTHOR_DATE"] = date
        environment["GIT_COMMITTER_DATE"] = date
        return try Command.run("/usr/bin/git", arguments, in: directory, environment: environment)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes a file (creating folders) in the working clone.
    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let full = (workPath as NSString).appendingPathComponent(path)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    /// Creates a symlink at `path` pointing to `target` (as written, relative or absolute).
    func symlink(_ path: String, to target: String) throws {
        let full = (workPath as NSString).appendingPathComponent(path)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    /// Stages everything, commits with the next fixed date, and returns the new commit id.
    @discardableResult
    func commit(_ message: String) throws -> String {
        commits += 1
        try git("add", "--all")
        try git("commit", "--quiet", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// Pushes the current branch (force when asked) and all tags.
    func push(force: Bool = false, branch: String = "main") throws {
        try gitArguments(["push", "--quiet"] + (force ? ["--force"] : []) + ["origin", "HEAD:refs/heads/\(branch)"])
        try git("push", "--quiet", "--force", "--tags", "origin")
    }

    /// The author date git gave commit number `n` (1-based).
    static func date(ofCommit n: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(firstCommitTime + 60 * (n - 1)))
    }

    private static func environment(home: String) -> [String: String] {
        [
            "HOME": home, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_AUTHOR_NAME": authorName, "GIT_AUTHOR_EMAIL": authorEmail,
            "GIT_COMMITTER_NAME": authorName, "GIT_COMMITTER_EMAIL": authorEmail,
            "GIT_TERMINAL_PROMPT": "0",
        ]
    }
}
