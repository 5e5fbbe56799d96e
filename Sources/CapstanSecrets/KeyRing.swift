import Crypto
import Synchronization

/// The loaded key ring at run time: encrypts records with the primary key, decrypts with any key,
/// and counts encryptions per key. Safe to share between tasks.
public final class KeyRing: Sendable {
    /// The ring's keys as read from the key file.
    public let file: KeyRingFile
    private let keysByName: [String: EncryptionKey]
    let counts: Mutex<[String: UInt64]>

    /// A ring from a validated file and the encryption counts persisted so far (missing keys count 0).
    public init(_ file: KeyRingFile, encryptions: [String: UInt64] = [:]) {
        self.file = file
        keysByName = Dictionary(uniqueKeysWithValues: file.keys.map { ($0.name, $0) })
        counts = Mutex(encryptions)
    }

    /// The name of the key that encrypts new records.
    public var primaryKeyName: String { file.primaryKey.name }

    /// Every key name, primary first.
    public var keyNames: [String] { file.keys.map(\.name) }

    /// Encrypts `plaintext` with the primary key and a fresh random nonce, bound to `identity` (e.g.
    /// `cluster_object/Secret/ns/name`): the result opens only with the same identity.
    public func seal(_ plaintext: [UInt8], identity: String) throws(SecretsError) -> String {
        let key = file.primaryKey
        counts.withLock { $0[key.name, default: 0] &+= 1 }
        do {
            let box = try AES.GCM.seal(
                plaintext, using: key.secret, nonce: AES.GCM.Nonce(), authenticating: Array(identity.utf8))
            guard let combined = box.combined else {
                throw SecretsError.encryptionFailed(identity: identity, reason: "the nonce is not 96 bits")
            }
            return Envelope.format(keyName: key.name, payload: Array(combined))
        } catch let error as SecretsError {
            throw error
        } catch {
            throw .encryptionFailed(identity: identity, reason: "AES-GCM failed (\(type(of: error)))")
        }
    }

    /// Decrypts an envelope written for `identity`: `.unknownKey` when its key is not in the ring, `.corrupt`
    /// when it is malformed or fails authentication (altered, truncated or copied from another record).
    public func open(_ text: String, identity: String) throws(SecretsError) -> [UInt8] {
        let (name, payload) = try Envelope.parse(text, identity: identity)
        guard let key = keysByName[name] else { throw .unknownKey(name: name, identity: identity) }
        do {
            let box = try AES.GCM.SealedBox(combined: payload)
            return Array(try AES.GCM.open(box, using: key.secret, authenticating: Array(identity.utf8)))
        } catch {
            throw .corrupt(
                identity: identity,
                reason: "authentication with key '\(name)' failed: the record was altered, truncated "
                    + "or belongs to another identity")
        }
    }

    /// True when `text` is an envelope made with a key other than the primary one (`capstan keys rewrap` work).
    public func needsRewrap(_ text: String) -> Bool {
        Envelope.keyName(of: text) != primaryKeyName
    }
}
