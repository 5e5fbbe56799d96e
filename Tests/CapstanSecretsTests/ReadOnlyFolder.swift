import Foundation

/// A folder nobody can create files in, root included: mode 0500, and for root also the immutable attribute.
struct ReadOnlyFolder {
    let path: String

    init(_ path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        chmod(path, 0o500)
        if geteuid() == 0 { try Self.chattr("+i", path) }
        // The folder must really refuse a new file, or the test would prove nothing.
        let probe = open(path + "/probe", O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if probe >= 0 {
            close(probe)
            unlink(path + "/probe")
            unlock()
            throw POSIXError(.EPERM)
        }
    }

    func unlock() {
        if geteuid() == 0 { try? Self.chattr("-i", path) }
        chmod(path, 0o700)
    }

    private static func chattr(_ flag: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EPERM) }
    }
}
