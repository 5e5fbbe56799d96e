import CapstanTestSupport
import Foundation

/// An OpenSSH server on 127.0.0.1 with its own host key, accepting one client key: enough for git over ssh.
/// Needs `/usr/sbin/sshd` (Debian: openssh-server) and root, for sshd's privilege separation.
///
/// sshd is started with `ChildProcess` (posix_spawn), not Foundation's `Process`: sshd closes the descriptors it
/// inherits, which Foundation takes for an exit and answers with a blocking `waitpid` that stalls every other
/// `Process`.
final class SSHServer: @unchecked Sendable {
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && getuid() == 0
    }

    let port: Int
    /// The server's public host key as `ssh-ed25519 AAAA…`.
    let hostKey: String
    /// The private key file the server accepts.
    let clientKey: String
    private let pid: pid_t

    init(directory: TemporaryDirectory) throws {
        let hostKeyFile = directory.appending("ssh_host_key")
        clientKey = directory.appending("client_key")
        for key in [hostKeyFile, clientKey] {
            try Command.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", key])
        }
        try FileManager.default.copyItem(atPath: clientKey + ".pub", toPath: directory.appending("authorized_keys"))
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        port = try Self.freePort()
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(hostKeyFile)
            PidFile \(directory.appending("sshd.pid"))
            AuthorizedKeysFile \(directory.appending("authorized_keys"))
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            UsePAM no
            LogLevel ERROR
            """
        let configPath = directory.appending("sshd_config")
        try Data(config.utf8).write(to: URL(fileURLWithPath: configPath))
        let hostPublic = try String(contentsOfFile: hostKeyFile + ".pub", encoding: .utf8).split(separator: " ")
        hostKey = "\(hostPublic[0]) \(hostPublic[1])"

        pid = try ChildProcess.spawn(["/usr/sbin/sshd", "-D", "-e", "-f", configPath])
        try waitUntilListening()
    }

    deinit {
        stop()
    }

    /// `[127.0.0.1]:port ssh-ed25519 AAAA…`: a known_hosts line that trusts this server.
    var knownHostsLine: String { "[127.0.0.1]:\(port) \(hostKey)" }

    private func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if Self.canConnect(port: port) { return }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == 0 else {
                throw Command.Failure(description: "sshd exited before listening on 127.0.0.1:\(port)")
            }
            usleep(50_000)
        }
        stop()
        throw Command.Failure(description: "sshd did not start listening on 127.0.0.1:\(port)")
    }

    private static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A port the kernel just handed out on 127.0.0.1 (released again for sshd to take).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw Command.Failure(description: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
