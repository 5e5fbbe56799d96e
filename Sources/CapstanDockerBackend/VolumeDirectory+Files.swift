import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The file system steps of `VolumeDirectory`: folders that are ours, files written beside and renamed into place.
extension VolumeDirectory {
    /// Creates `path` with `mode` unless it exists as a folder of this user (then sets the mode).
    static func makeFolder(_ path: String, mode: Int) throws(VolumeDirectoryError) {
        if mkdir(path, mode_t(mode)) != 0 && errno != EEXIST {
            throw VolumeDirectoryError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try checkPrivateFolder(path)
        chmod(path, mode_t(mode))
    }

    /// Refuses a symlink, a non-folder, or a folder of another user where Capstan keeps Secret files.
    static func checkPrivateFolder(_ path: String) throws(VolumeDirectoryError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            throw VolumeDirectoryError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw VolumeDirectoryError("\(path) is not a folder (a symlink or a file?)", isRetryable: false)
        }
        guard info.st_uid == geteuid() else {
            throw VolumeDirectoryError(
                "\(path) belongs to user \(info.st_uid), not to Capstan's (\(geteuid()))", isRetryable: false)
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Writes `file` at `path` unless it already holds the same bytes and mode: into a scratch file in
    /// `scratch` (same tmpfs, outside the mounted folder), then renamed over `path`.
    static func place(_ file: VolumeFile, at path: String, scratch: String) throws(VolumeDirectoryError) {
        if let current = FileManager.default.contents(atPath: path), Array(current) == file.contents,
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            (attributes[.posixPermissions] as? NSNumber)?.intValue == file.mode
        {
            return
        }
        let temporary = "\(scratch)/.write-\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw VolumeDirectoryError("cannot write in \(scratch): \(String(cString: strerror(errno)))")
        }
        var written = 0
        var failure: Int32 = 0
        file.contents.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if failure == 0 && fchmod(descriptor, mode_t(file.mode)) != 0 { failure = errno }
        close(descriptor)
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw VolumeDirectoryError("cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }
}
