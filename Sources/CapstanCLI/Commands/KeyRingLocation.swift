import ArgumentParser
import CapstanConfig
import CapstanStore
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

    /// Takes the lock of the state directory holding `store` for an offline command (`keys rewrap`), refusing
    /// while a service runs there: it would race the command.
    static func lockState(of store: String, for command: String) throws -> StateDirectoryLock {
        let stateDirectory = (store as NSString).deletingLastPathComponent
        let lock: StateDirectoryLock?
        do { lock = try StateDirectoryLock.acquire(stateDirectory: stateDirectory) } catch {
            throw CLIError(
                "cannot take the lock of the state directory \(stateDirectory): \(error.localizedDescription)")
        }
        guard let lock else {
            throw CLIError(
                "capstan serve is running on \(stateDirectory) (it holds capstan.lock): stop it, then run \(command)")
        }
        return lock
    }
}
