import ArgumentParser
import CapstanSecrets

/// `capstan keys renew-sealing --config FILE`: a new sealing key at the top of the key file. After a restart the
/// service publishes and seals with it; older sealing keys stay in the file and keep opening what was sealed to them.
struct KeysRenewSealingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew-sealing",
        abstract: "Add a new sealing key (SealedSecrets sealed with older keys keep opening).")
    @OptionGroup var location: KeyRingLocation

    func run() async throws {
        let (keyFile, _) = try location.paths()
        let added: SealingKey
        let older: [String]
        do {
            var file = try KeyRingFile.load(from: keyFile)
            older = file.sealingKeys.map(\.keyID)
            added = file.addSealingKey()
            try file.save(to: keyFile)
        } catch {
            throw CLIError("\(error)")
        }
        print(
            "added sealing key \(added.keyID) at the top of \(keyFile): restart the service to publish its "
                + "certificate (`capstan seal --cert`) and seal with it")
        if !older.isEmpty {
            print("older sealing keys keep opening what was sealed to them: \(older.joined(separator: ", "))")
        }
    }
}
