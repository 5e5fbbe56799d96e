import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs commands and collects their output in files. Foundation's `Process` is avoided in these fixtures: its
/// `waitUntilExit` never returned when called while the cooperative pool was blocked on the daemon's one-time
/// start (the child stayed a zombie). Children start through `ChildProcess`, so they inherit no listener.
public enum Shell {
    /// The result of one command.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments` (`arguments[0]` a path or a name in PATH) and waits, collecting stdout and stderr.
    public static func run(_ arguments: [String]) -> Result {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-shell-\(UUID())").path
        defer {
            unlink(base + ".out")
            unlink(base + ".err")
        }
        let exitStatus: Int32
        do {
            exitStatus = try ChildProcess.wait(
                ChildProcess.spawn(arguments, stdout: base + ".out", stderr: base + ".err"))
        } catch {
            return Result(status: -1, stdout: "", stderr: error.description)
        }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Result(status: exitStatus, stdout: read(base + ".out"), stderr: read(base + ".err"))
    }
}
