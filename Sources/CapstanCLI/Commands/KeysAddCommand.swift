import ArgumentParser
import CapstanSecrets

/// `capstan keys add NAME --config FILE`: a new random key at the top of the key file; it encrypts new records
/// once the service is restarted, and every key keeps decrypting.
struct KeysAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a new primary key to the key file (the old ones keep decrypting).")
    @OptionGroup var location: KeyRingLocation
    @Argument(help: "The new key's name (letters, digits, '-', '_').") var name: String

    func run() async throws {
        let (keyFile, _) = try location.paths()
        do {
            var file = try KeyRingFile.load(from: keyFile)
            _ = try file.addKey(named: name)
            try file.save(to: keyFile)
        } catch {
            throw CLIError("\(error)")
        }
        print("added key \(name) to \(keyFile) as the primary key: the service encrypts with it after a restart")
    }
}
