import ArgumentParser
import CapstanModel
import CapstanSecrets
import CapstanStore
import Foundation

/// `capstan admin delete-corrupt KIND NS/NAME --config FILE [--cluster NAME]`: deletes one stored object record
/// that fails authentication, is neither JSON nor an encrypted record, or is not valid JSON, so the service starts
/// again and the next sync recreates the object from git. Refuses for a healthy record, a record under a key the
/// ring lacks or whose key differs from the ring's key of that name (restore the key instead), a record that does
/// not exist, and while the service runs.
struct AdminDeleteCorruptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-corrupt",
        abstract: "Delete one stored object whose record is corrupt (service stopped); the next sync recreates it.")
    @Argument(help: "The object's kind: Secret, ConfigMap, or Kind.group (Deployment.apps).") var kind: String
    @Argument(help: "NAMESPACE/NAME, or NAME for a cluster-scoped object.") var object: String
    @OptionGroup var location: KeyRingLocation
    @Option(name: .long, help: "The cluster backend the record belongs to.") var cluster = "simulated"

    func run() async throws {
        let selector = try StoredObjectSelector(kind: kind, object: object)
        let (keyFile, storePath) = try location.paths()
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw CLIError("no state store at \(storePath); nothing deleted")
        }
        let lock = try KeyRingLocation.lockState(of: storePath, for: "admin delete-corrupt")
        defer { lock.release() }
        let ring: KeyRing
        do { ring = KeyRing(try KeyRingFile.load(from: keyFile)) } catch { throw CLIError("\(error)") }
        let store = try StateStore(path: storePath, cipher: ring)
        let candidates = try store.objectKeys(cluster: cluster).filter(selector.matches)
        let place = "in cluster \(cluster) of \(storePath)"
        guard let key = candidates.first else {
            throw CLIError("no record of \(selector) \(place); nothing deleted")
        }
        guard candidates.count == 1 else {
            let kinds = candidates.map { "\($0.kind).\($0.group.isEmpty ? "(core)" : $0.group)" }
            throw CLIError(
                "\(selector) matches \(candidates.count) records (\(kinds.joined(separator: ", "))): give "
                    + "KIND.GROUP; nothing deleted")
        }
        switch try store.deleteObjectIfCorrupt(cluster: cluster, key: key) {
        case .corrupt:
            print("deleted the corrupt record of \(key) \(place)")
            print("start the service: the next sync recreates \(key) from git")
        case .readable:
            throw CLIError("the record of \(key) \(place) is not corrupt (it decrypts and reads); nothing deleted")
        case .unknownKey(let name):
            throw CLIError(
                "the record of \(key) \(place) is encrypted with key \(name), which is not in the key ring "
                    + "\(keyFile): restore the key (the key file that holds it), do not delete; nothing deleted")
        case .wrongKey(let name):
            throw CLIError(
                "the record of \(key) \(place) fails to decrypt, and so does every other record encrypted with key "
                    + "\(name): the key named \(name) in \(keyFile) is most likely not the key that encrypted them; "
                    + "restore the right key file; nothing deleted")
        case .missing:
            throw CLIError("no record of \(selector) \(place); nothing deleted")
        case .noKeyRing:
            throw CLIError("the record of \(key) \(place) is encrypted and no key ring was loaded; nothing deleted")
        }
    }
}
