import Foundation

/// A fresh temporary folder, removed on deinit.
final class TestFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/capstan-secrets-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `path/name`.
    func file(_ name: String) -> String { path + "/" + name }

    /// The names in the folder, hidden ones included, sorted.
    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// The permission bits of a file, from stat(2).
    func mode(of name: String) throws -> UInt32 {
        var info = stat()
        guard stat(file(name), &info) == 0 else { throw POSIXError(.ENOENT) }
        return UInt32(info.st_mode) & 0o7777
    }

    func write(_ text: String, to name: String, mode: mode_t = 0o600) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
        chmod(file(name), mode)
    }
}
