import Foundation

/// The contents of a key ring file: named AES-256 keys (the first encrypts, all decrypt) and X25519 sealing keys
/// (the first is the one `capstan seal --cert` publishes, all open sealed secrets).
///
/// Always valid: at least one key, unique valid names, 32-byte keys that are not all zero and not repeated.
public struct KeyRingFile: Sendable, Equatable {
    /// Encryption keys, primary first.
    public internal(set) var keys: [EncryptionKey]
    /// Sealing keys, current first; may be empty (then nothing can be sealed or unsealed).
    public internal(set) var sealingKeys: [SealingKey]

    /// A ring from keys, checked as the file loader checks them.
    public init(keys: [EncryptionKey], sealingKeys: [SealingKey] = []) throws(SecretsError) {
        if let problem = Self.problem(keys: keys, sealingKeys: sealingKeys) {
            throw .invalidKeyRing(reason: problem.reason)
        }
        self.keys = keys
        self.sealingKeys = sealingKeys
    }

    /// A new ring with one random key named `keyName` and one random sealing key.
    public static func random(keyName: String = "k1", created: Date = Date()) throws(SecretsError) -> KeyRingFile {
        try KeyRingFile(
            keys: [.generate(name: keyName, created: created)], sealingKeys: [.generate(created: created)])
    }

    /// The key that encrypts new records.
    public var primaryKey: EncryptionKey { keys[0] }

    /// Adds a new random key named `name` as the primary key: it encrypts from now on (like the first provider of
    /// Kubernetes' EncryptionConfiguration); older keys still decrypt until `capstan keys rewrap` moves records.
    @discardableResult
    public mutating func addKey(named name: String, created: Date = Date()) throws(SecretsError) -> EncryptionKey {
        let key = EncryptionKey.generate(name: name, created: created)
        try replaceKeys(with: [key] + keys)
        return key
    }

    /// Removes the key named `name`. The caller first checks that no record still uses it; the primary key
    /// and the last key cannot be removed.
    public mutating func removeKey(named name: String) throws(SecretsError) {
        guard let index = keys.firstIndex(where: { $0.name == name }) else {
            throw .invalidKeyRing(reason: "no key named '\(name)' (keys: \(keys.map(\.name).joined(separator: ", ")))")
        }
        guard index != 0 else {
            throw .invalidKeyRing(
                reason: "'\(name)' is the primary key and encrypts new records; add a new key and rewrap first")
        }
        var remaining = keys
        remaining.remove(at: index)
        try replaceKeys(with: remaining)
    }

    /// Adds a new random sealing key in front (`capstan keys renew-sealing`); older ones keep opening what was
    /// sealed to them.
    @discardableResult
    public mutating func addSealingKey(created: Date = Date()) -> SealingKey {
        let key = SealingKey.generate(created: created)
        sealingKeys.insert(key, at: 0)
        return key
    }

    private mutating func replaceKeys(with newKeys: [EncryptionKey]) throws(SecretsError) {
        if let problem = Self.problem(keys: newKeys, sealingKeys: sealingKeys) {
            throw .invalidKeyRing(reason: problem.reason)
        }
        keys = newKeys
    }
}
