import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX file operations for the key file: owner-only reads and atomic writes created with mode 0600.
enum KeyFileIO {
    /// A key file larger than this is refused (a ring of thousands of keys is still far smaller).
    static let maximumSize = 1 << 20

    /// The file's bytes, after checking on the open descriptor that it is a regular file that group and
    /// others can neither read nor write.
    static func readOwnerOnly(_ path: String) throws(SecretsError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .keyFileIO(path: path, operation: "open", errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .keyFileIO(path: path, operation: "stat", errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .malformedKeyFile(path: path, line: nil, reason: "not a regular file")
        }
        let mode = UInt32(info.st_mode) & 0o7777
        guard mode & 0o077 == 0 else { throw .insecureKeyFile(path: path, mode: mode) }
        guard Int(info.st_size) <= maximumSize else {
            throw .malformedKeyFile(path: path, line: nil, reason: "larger than \(maximumSize) bytes")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16384)
        while bytes.count <= maximumSize {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .keyFileIO(path: path, operation: "read", errno: errno) }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
        throw .malformedKeyFile(path: path, line: nil, reason: "larger than \(maximumSize) bytes")
    }

    /// Writes `bytes` to a new temporary file in the same folder, created with mode 0600, flushes it, then
    /// moves it to `path` in one step: over an existing file when `replace`, else failing when `path` exists.
    /// On any failure the temporary file is removed and `path` is unchanged.
    static func writeAtomically(_ bytes: [UInt8], to path: String, replace: Bool) throws(SecretsError) {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        let base = (path as NSString).lastPathComponent
        let temporary = directory + "/." + base + "." + String(UInt64.random(in: .min ... .max), radix: 16) + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .keyFileIO(path: path, operation: "create a temporary file for", errno: errno) }
        var committed = false
        defer { if !committed { unlink(temporary) } }
        do {
            defer { close(fd) }
            // The umask can only narrow 0600; fchmod makes it exactly 0600 before any byte is written.
            guard fchmod(fd, 0o600) == 0 else {
                throw SecretsError.keyFileIO(path: path, operation: "chmod", errno: errno)
            }
            try writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else { throw SecretsError.keyFileIO(path: path, operation: "flush", errno: errno) }
        }
        if replace {
            guard rename(temporary, path) == 0 else { throw .keyFileIO(path: path, operation: "replace", errno: errno) }
            committed = true
        } else {
            // link(2) fails with EEXIST instead of replacing: no window in which another file could be overwritten.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw .keyFileExists(path: path) }
                throw .keyFileIO(path: path, operation: "create", errno: errno)
            }
        }
        syncDirectory(directory)
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(SecretsError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw .keyFileIO(path: path, operation: "write", errno: errno) }
            offset += written
        }
    }

    /// Makes the new directory entry durable; file systems that cannot sync a directory are left as they are.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
