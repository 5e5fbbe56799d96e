import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts programs with `posix_spawn` so that they inherit nothing but stdin, stdout and stderr.
///
/// SwiftNIO's sockets are not close-on-exec, so a child started with `system()` or a bare `posix_spawn` keeps
/// every listener the test process has open at that moment: a daemon started by one test (dockerd, sshd) then
/// holds another test's port long after that test closed it ("Address already in use"). Foundation's `Process`
/// closes them already; these fixtures avoid it (see `Shell`).
public enum ChildProcess {
    /// A failure to start a program.
    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `arguments` (`arguments[0]` a path or a name looked up in PATH) with stdin read from `stdin` and
    /// stdout/stderr written to `stdout`/`stderr` (paths, truncated), an empty signal mask, and no other inherited
    /// descriptor.
    public static func spawn(
        _ arguments: [String], stdin: String = "/dev/null", stdout: String = "/dev/null", stderr: String = "/dev/null"
    ) throws(SpawnError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // glibc ignores a close action on a descriptor closed meanwhile (it fails only out of range).
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard code == 0 else {
            throw SpawnError(description: "cannot start \(arguments[0]): \(String(cString: strerror(code)))")
        }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128 + the signal when it was killed, -1 when unknown).
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// The descriptors this process has open now, from /proc/self/fd.
    static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }
    }
}
