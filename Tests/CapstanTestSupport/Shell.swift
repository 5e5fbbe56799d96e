import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs shell commands with `system()` and files for output. Foundation's `Process` is avoided in
/// these fixtures: its `waitUntilExit` never returned when called while the cooperative pool was blocked
/// on the daemon's one-time start (the child stayed a zombie).
public enum Shell {
    /// The result of one command.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Single-quotes `text` for `sh`.
    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Runs `arguments` (quoted) and waits, collecting stdout and stderr.
    public static func run(_ arguments: [String]) -> Result {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-shell-\(UUID())").path
        defer {
            unlink(base + ".out")
            unlink(base + ".err")
        }
        let command = arguments.map(quote).joined(separator: " ")
        let status = system("\(command) </dev/null >\(quote(base + ".out")) 2>\(quote(base + ".err"))")
        let exitStatus = status == -1 ? -1 : (status >> 8) & 0xff
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Result(status: exitStatus, stdout: read(base + ".out"), stderr: read(base + ".err"))
    }
}
