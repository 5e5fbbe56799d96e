import Foundation

/// A tiny in-memory tar writer (POSIX ustar) for regular files and directories, e.g. ConfigMap
/// files for `putArchive`.
public struct TarArchive: Sendable {
    private var blocks: [UInt8] = []

    public init() {}

    /// Adds a regular file. `name` is relative (`conf/app.yaml`; a leading `/` is dropped), at most
    /// 255 bytes with no `..` part; `mode` is the permission bits, e.g. `0o644`.
    public mutating func addFile(
        _ name: String, mode: Int = 0o644, bytes: [UInt8], modified: Date = Date()
    ) throws(DockerError) {
        let header = try TarHeader(name: name, mode: mode, size: bytes.count, type: .file, modified: modified)
        blocks += header.bytes
        blocks += bytes
        blocks += [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
    }

    /// Adds a directory entry (parents of files are created anyway; this sets a directory's mode).
    public mutating func addDirectory(_ name: String, mode: Int = 0o755, modified: Date = Date()) throws(DockerError) {
        blocks += try TarHeader(name: name, mode: mode, size: 0, type: .directory, modified: modified).bytes
    }

    /// The archive: the entries and the two zero blocks that end it.
    public var bytes: [UInt8] {
        blocks + [UInt8](repeating: 0, count: 1024)
    }
}
