import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The host folder of one node's ConfigMap and Secret volume files, `ROOT/POD-UID/VOLUME/PATH`, on a tmpfs so
/// Secret plaintext never touches disk. ROOT and the pod folders are 0700 (only Capstan's user gets in); a
/// volume folder is 0755 as it is bind-mounted into the pod's containers; files have the volume's modes and
/// Capstan's owner (root when it runs as root, as the kubelet's). Files are replaced by rename, each atomically.
struct VolumeDirectory: Sendable {
    /// `TMPFS_MAGIC` of statfs(2).
    static let tmpfsMagic = 0x0102_1994
    let root: String

    /// Creates ROOT (and missing parents) private to this user and checks that it is on a tmpfs; refuses a
    /// folder that is a symlink or belongs to another user.
    func prepare() throws(VolumeDirectoryError) {
        if !FileManager.default.fileExists(atPath: root) {
            do {
                try FileManager.default.createDirectory(
                    atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw VolumeDirectoryError("cannot create the volume folder \(root): \(error.localizedDescription)")
            }
        }
        try Self.checkPrivateFolder(root)
        guard Self.isTmpfs(root) else {
            throw VolumeDirectoryError(
                "the volume folder \(root) is not on a tmpfs (Secret files must not touch disk): set "
                    + "docker.volumeDirectory to a folder under a tmpfs such as /dev/shm", isRetryable: false)
        }
    }

    /// True when `path` is on a tmpfs: statfs(2)'s `f_type`. Swift's Glibc module does not include
    /// <sys/vfs.h>, so the function is looked up by name; `f_type` is the first field, a `long`, on 64-bit Linux.
    static func isTmpfs(_ path: String) -> Bool {
        typealias StatfsFunction = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
        guard let symbol = dlsym(nil, "statfs") else { return false }
        let statfs = unsafeBitCast(symbol, to: StatfsFunction.self)
        var buffer = [Int64](repeating: 0, count: 64)  // struct statfs is 120 bytes
        let result = buffer.withUnsafeMutableBytes { statfs(path, $0.baseAddress!) }
        return result == 0 && buffer[0] == Int64(tmpfsMagic)
    }

    /// Makes the volume folder of `volume` of pod `uid` hold exactly `files`; returns the folder.
    func write(_ files: [VolumeFile], pod uid: String, volume: String) throws(VolumeDirectoryError) -> String {
        for name in [uid, volume] where name.isEmpty || name.contains("/") || name == "." || name == ".." {
            throw VolumeDirectoryError(
                "invalid pod uid or volume name \"\(name)\" for a volume folder", isRetryable: false)
        }
        try prepare()
        let podFolder = "\(root)/\(uid)"
        let folder = "\(podFolder)/\(volume)"
        try Self.makeFolder(podFolder, mode: 0o700)
        try Self.makeFolder(folder, mode: 0o755)
        let wanted = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
        let existing = (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []
        for path in existing.sorted(by: >) where wanted[path] == nil {
            // Deepest first: a file that is no longer wanted, then folders left empty.
            let full = "\(folder)/\(path)"
            if Self.isDirectory(full) {
                if wanted.keys.contains(where: { $0.hasPrefix(path + "/") }) { continue }
                rmdir(full)
            } else {
                unlink(full)
            }
        }
        for file in wanted.values.sorted(by: { $0.path < $1.path }) {
            var parent = folder
            for part in file.path.split(separator: "/").dropLast() {
                parent += "/\(part)"
                try Self.makeFolder(parent, mode: 0o755)
            }
            try Self.place(file, at: "\(folder)/\(file.path)", scratch: podFolder)
        }
        return folder
    }

    /// The pod uids that have a folder.
    func podUIDs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { !$0.hasPrefix(".") }
    }

    /// Removes the folder of pod `uid` and its files.
    func remove(pod uid: String) {
        guard !uid.isEmpty, !uid.contains("/"), uid != ".", uid != ".." else { return }
        try? FileManager.default.removeItem(atPath: "\(root)/\(uid)")
    }
}
