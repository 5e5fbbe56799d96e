import CapstanSecrets
import Foundation
import Testing

@Suite struct KeyFileAtomicWriteTests {
    @Test func generateRefusesToOverwriteAndLeavesNoTemporaryFile() throws {
        let folder = try TestFolder()
        let path = folder.file("keys.yaml")
        let first = try KeyRingFile.generate(at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = Canary.expectError(SecretsError.self, leaking: []) { try KeyRingFile.generate(at: path) }
        #expect(error == .keyFileExists(path: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try KeyRingFile.load(from: path) == first)
        #expect(try folder.entries() == ["keys.yaml"])
    }

    @Test func writingIntoAReadOnlyFolderFailsCleanly() throws {
        let folder = try TestFolder()
        let locked = try ReadOnlyFolder(folder.file("locked"))
        defer { locked.unlock() }
        let path = locked.path + "/keys.yaml"
        let error = Canary.expectError(SecretsError.self, leaking: []) { try KeyRingFile.generate(at: path) }
        guard case .keyFileIO(let named, _, let code)? = error else {
            Issue.record("expected .keyFileIO, got \(String(describing: error))")
            return
        }
        #expect(named == path)
        #expect(code == EACCES || code == EPERM || code == EROFS)
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
    }

    @Test func writingIntoAMissingFolderFailsCleanly() throws {
        let folder = try TestFolder()
        let path = folder.file("absent/keys.yaml")
        let error = Canary.expectError(SecretsError.self, leaking: []) { try KeyRingFile.generate(at: path) }
        #expect(error == .keyFileIO(path: path, operation: "create a temporary file for", errno: ENOENT))
        #expect(try folder.entries().isEmpty)
    }

    @Test func saveReplacesTheFileWholeWithMode0600() throws {
        let folder = try TestFolder()
        let path = folder.file("keys.yaml")
        var file = try KeyRingFile.generate(at: path)
        chmod(path, 0o400)
        try file.addKey(named: "k2")
        file.addSealingKey()
        try file.save(to: path)
        #expect(try folder.mode(of: "keys.yaml") == 0o600)
        #expect(try folder.entries() == ["keys.yaml"])
        let loaded = try KeyRingFile.load(from: path)
        #expect(loaded == file)
        #expect(loaded.keys.map(\.name) == ["k2", "k1"])
        #expect(loaded.sealingKeys.count == 2)
    }

    @Test func theFirstStartGeneratesAKeyFileAndTheNextLoadsIt() throws {
        let folder = try TestFolder()
        let path = folder.file("keys.yaml")
        let first = try KeyRingFile.loadOrGenerate(at: path)
        #expect(first.generated)
        #expect(try folder.mode(of: "keys.yaml") == 0o600)
        let second = try KeyRingFile.loadOrGenerate(at: path)
        #expect(!second.generated)
        #expect(second.file == first.file)
        chmod(path, 0o644)
        #expect(throws: SecretsError.insecureKeyFile(path: path, mode: 0o644)) {
            _ = try KeyRingFile.loadOrGenerate(at: path)
        }
    }
}
