import CapstanSecrets
import Foundation
import Testing

@Suite struct KeyFilePermissionTests {
    @Test func aGeneratedFileHasMode0600AndLoadsBack() throws {
        let folder = try TestFolder()
        let generated = try KeyRingFile.generate(at: folder.file("keys.yaml"))
        #expect(try folder.mode(of: "keys.yaml") == 0o600)
        #expect(try folder.entries() == ["keys.yaml"])
        let loaded = try KeyRingFile.load(from: folder.file("keys.yaml"))
        #expect(loaded == generated)
        #expect(loaded.keys.map(\.name) == ["k1"])
        #expect(loaded.sealingKeys.count == 1)
    }

    @Test func aGeneratedFileIs0600EvenUnderAPermissiveUmask() throws {
        let folder = try TestFolder()
        let previous = umask(0)
        defer { umask(previous) }
        try KeyRingFile.generate(at: folder.file("keys.yaml"))
        #expect(try folder.mode(of: "keys.yaml") == 0o600)
    }

    @Test(arguments: [
        (mode_t(0o640), "0640 (readable by group)"),
        (0o604, "0604 (readable by others)"),
        (0o660, "0660 (readable and writable by group)"),
        (0o644, "0644 (readable by group, readable by others)"),
        (0o602, "0602 (writable by others)"),
        (0o610, "0610 (executable by group)"),
        (0o666, "0666 (readable and writable by group, readable and writable by others)"),
    ])
    func aFileOthersCanTouchIsRefusedNamingTheModeAndTheFix(mode: mode_t, expected: String) throws {
        let folder = try TestFolder()
        let path = folder.file("keys.yaml")
        let ring = try KeyRingFile.generate(at: path)
        chmod(path, mode)
        let secret = ring.primaryKey.secret.withUnsafeBytes { Data($0).base64EncodedString() }
        let error = Canary.expectError(SecretsError.self, leaking: [secret]) { _ = try KeyRingFile.load(from: path) }
        #expect(error == .insecureKeyFile(path: path, mode: UInt32(mode)))
        #expect(error?.description.contains("has mode \(expected)") == true)
        #expect(error?.description.contains("run `chmod 600 \(path)`") == true)
    }

    @Test(arguments: [mode_t(0o600), 0o400])
    func ownerOnlyModesLoad(mode: mode_t) throws {
        let folder = try TestFolder()
        let path = folder.file("keys.yaml")
        try KeyRingFile.generate(at: path)
        chmod(path, mode)
        #expect(try KeyRingFile.load(from: path).keys.count == 1)
    }

    @Test func aMissingFileOrAFolderIsAClearError() throws {
        let folder = try TestFolder()
        let missing = Canary.expectError(SecretsError.self, leaking: []) {
            _ = try KeyRingFile.load(from: folder.file("nope.yaml"))
        }
        #expect(missing == .keyFileIO(path: folder.file("nope.yaml"), operation: "open", errno: ENOENT))
        #expect(missing?.description.contains("No such file or directory") == true)
        try FileManager.default.createDirectory(atPath: folder.file("dir"), withIntermediateDirectories: false)
        chmod(folder.file("dir"), 0o700)
        let directory = Canary.expectError(SecretsError.self, leaking: []) {
            _ = try KeyRingFile.load(from: folder.file("dir"))
        }
        #expect(directory?.description.contains("not a regular file") == true)
    }
}
