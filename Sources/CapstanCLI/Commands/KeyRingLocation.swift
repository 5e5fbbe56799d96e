import ArgumentParser
import CapstanConfig
import Foundation

/// `--config FILE` for the `keys` commands: where the key file and the state store are.
struct KeyRingLocation: ParsableArguments {
    @Option(name: .long, help: "The service's configuration file (YAML).") var config: String

    /// The key file (`encryption.keyFile`, default `<stateDir>/keys.yaml`) and the state store's SQLite file.
    func paths() throws -> (keyFile: String, store: String) {
        let configuration: CapstanConfiguration
        do { configuration = try CapstanConfiguration.load(path: config) } catch {
            throw CLIError("invalid configuration:\n\(error.description)")
        }
        let state = configuration.stateDirectory as NSString
        return (
            configuration.encryptionKeyFile ?? state.appendingPathComponent("keys.yaml"),
            state.appendingPathComponent("capstan.sqlite")
        )
    }
}
