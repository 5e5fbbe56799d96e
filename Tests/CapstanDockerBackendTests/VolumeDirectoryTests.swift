import Foundation
import Testing

@testable import CapstanDockerBackend

/// The host folder of volume files: private, on a tmpfs, exactly the wanted files with their modes.
@Suite struct VolumeDirectoryTests {
    @Test func writesExactlyTheWantedFilesWithTheirModesAndRemovesThePod() throws {
        let root = "/dev/shm/capstan-test-\(UUID().uuidString.prefix(8))/node"
        defer { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        let folders = VolumeDirectory(root: root)
        let first = [
            VolumeFile(path: "a", contents: Array("1".utf8), mode: 0o644),
            VolumeFile(path: "conf/b", contents: Array("2".utf8), mode: 0o400),
        ]
        let folder = try folders.write(first, pod: "uid-1", volume: "config")
        #expect(folder == "\(root)/uid-1/config")
        #expect(try String(contentsOfFile: "\(folder)/conf/b", encoding: .utf8) == "2")
        func mode(_ path: String) throws -> Int {
            try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(try mode("\(folder)/conf/b") == 0o400)
        #expect(try mode(root) == 0o700 && mode("\(root)/uid-1") == 0o700 && mode(folder) == 0o755)

        _ = try folders.write(
            [VolumeFile(path: "a", contents: Array("3".utf8), mode: 0o600)], pod: "uid-1", volume: "config")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder) == ["a"])
        #expect(try String(contentsOfFile: "\(folder)/a", encoding: .utf8) == "3" && mode("\(folder)/a") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(root)/uid-1") == ["config"], "no scratch left")

        #expect(folders.podUIDs() == ["uid-1"])
        folders.remove(pod: "uid-1")
        #expect(folders.podUIDs().isEmpty)
    }

    @Test func aFolderNotOnATmpfsIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("capstan-vol-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try #require(!VolumeDirectory.isTmpfs(FileManager.default.temporaryDirectory.path), "/tmp is a tmpfs here")
        let error = #expect(throws: VolumeDirectoryError.self) {
            try VolumeDirectory(root: root).write([], pod: "uid-1", volume: "v")
        }
        #expect(error?.message.contains("is not on a tmpfs") == true)
        #expect(error?.isRetryable == false)
    }

    @Test func aSymlinkInPlaceOfTheFolderIsRefused() throws {
        let base = "/dev/shm/capstan-test-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: "\(base)/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: "\(base)/node", withDestinationPath: "\(base)/elsewhere")
        let error = #expect(throws: VolumeDirectoryError.self) {
            try VolumeDirectory(root: "\(base)/node").write([], pod: "uid-1", volume: "v")
        }
        #expect(error?.message.contains("is not a folder") == true)
    }
}
