import ArgumentParser
import CapstanModel
import CapstanSecrets
import CapstanStore
import Foundation

/// `capstan keys status --config FILE`: each key with how many stored records it encrypts and how many encryptions
/// it has done (with a warning at 2^32), records under keys the ring does not have, Secret and ConfigMap records
/// still in plain JSON, and the sealing keys.
struct KeysStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the keys and how many stored records each one encrypts.")
    @OptionGroup var location: KeyRingLocation

    func run() async throws {
        let (keyFile, storePath) = try location.paths()
        let file: KeyRingFile
        do { file = try KeyRingFile.load(from: keyFile) } catch { throw CLIError("\(error)") }
        var counts: [String: Int] = [:]
        var unencrypted = 0
        var encryptions: [String: UInt64] = [:]
        if FileManager.default.fileExists(atPath: storePath) {
            let store = try StateStore(path: storePath)
            (counts, unencrypted) = try await store.encryptedRecordCounts { Envelope.keyName(of: $0) }
            encryptions = try await store.encryptionCounts()
        }
        print("Key file: \(keyFile)")
        var table = TableWriter(["KEY", "PRIMARY", "CREATED", "RECORDS", "ENCRYPTIONS"])
        for (index, key) in file.keys.enumerated() {
            table.add([
                key.name, index == 0 ? "yes" : "", key.created.map(CapstanJSON.formatTimestamp) ?? "-",
                String(counts[key.name] ?? 0), String(encryptions[key.name] ?? 0),
            ])
        }
        print(table.render())
        let known = Set(file.keys.map(\.name))
        let missing = counts.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }
        for (name, count) in missing {
            print("MISSING KEY \(name): \(count) record(s) use it and cannot be read; restore the key file that has it")
        }
        for (index, key) in file.keys.enumerated() {
            let count = encryptions[key.name] ?? 0
            guard KeyRing.needsRotation(encryptions: count) else { continue }
            let advice = KeyRotationAdvice.warning(
                key: key.name, encryptions: count, isPrimary: index == 0, configPath: location.config)
            print("WARNING: \(advice)")
        }
        if unencrypted > 0 {
            print("\(unencrypted) Secret/ConfigMap record(s) are not encrypted yet (written before encryption)")
        }
        print(
            "Sealing keys (newest first): "
                + (file.sealingKeys.isEmpty ? "none" : file.sealingKeys.map(\.keyID).joined(separator: ", ")))
        if !missing.isEmpty { throw ExitCode.failure }
    }
}
