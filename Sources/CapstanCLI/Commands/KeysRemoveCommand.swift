import ArgumentParser
import CapstanSecrets
import CapstanStore
import Foundation

/// `capstan keys remove NAME --config FILE`: removes a key that no stored record uses any more (the end of a
/// rotation). Refused for a name not in the ring, the primary key, the only key, a key records still use, and
/// while the service runs (it holds the state lock).
struct KeysRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a key no stored record uses any more (service stopped).")
    @OptionGroup var location: KeyRingLocation
    @Argument(help: "The name of the key to remove.") var name: String

    func run() async throws {
        let (keyFile, storePath) = try location.paths()
        var file: KeyRingFile
        do { file = try KeyRingFile.load(from: keyFile) } catch { throw CLIError("\(error)") }
        let names = file.keys.map(\.name)
        let config = "--config \(location.config)"
        guard let index = names.firstIndex(of: name) else {
            throw CLIError(
                "no key named \(name) in \(keyFile) (keys: \(names.joined(separator: ", "))); nothing removed")
        }
        guard names.count > 1 else {
            throw CLIError(
                "\(name) is the only key in \(keyFile): the ring needs a key to encrypt with; nothing removed")
        }
        guard index != 0 else {
            throw CLIError(
                "\(name) is the primary key in \(keyFile) and encrypts new records: add a new key and rewrap first "
                    + "(`capstan keys add NEW \(config)`, then `capstan keys rewrap \(config)`); nothing removed")
        }
        let lock = try KeyRingLocation.lockState(of: storePath, for: "keys remove")
        defer { lock.release() }
        var store: StateStore?
        if FileManager.default.fileExists(atPath: storePath) {
            let opened = try StateStore(path: storePath)
            let records = try await opened.encryptedRecordCounts { Envelope.keyName(of: $0) }.byKey[name] ?? 0
            guard records == 0 else {
                throw CLIError(
                    "\(records) stored record(s) still use key \(name): run `capstan keys rewrap \(config)` first "
                        + "(it moves them to the primary key \(names[0])); nothing removed")
            }
            store = opened
        }
        do {
            try file.removeKey(named: name)
            try file.save(to: keyFile)
        } catch {
            throw CLIError("\(error)")
        }
        try await store?.forgetEncryptionCount(of: name)
        print(
            "removed key \(name) from \(keyFile); keys left: \(file.primaryKey.name) (primary)"
                + file.keys.dropFirst().map { ", \($0.name)" }.joined()
                + ". Destroy every other copy of the old key file (backups) too")
    }
}
