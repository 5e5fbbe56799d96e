import Foundation

/// A fresh directory under the system temp folder, deleted when the object goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("capstan-git-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func appending(_ component: String) -> String {
        (path as NSString).appendingPathComponent(component)
    }
}
