/// Encrypts the stored records that hold Secret or ConfigMap data (the key ring, in the service), each bound to
/// its identity (e.g. `cluster_object/simulated//Secret/shop/db`), so a ciphertext copied to another record
/// fails to decrypt.
public protocol RecordCipher: Sendable {
    /// The names of the keys that can decrypt.
    var decryptingKeyNames: Set<String> { get }
    func seal(_ plaintext: [UInt8], identity: String) throws -> String
    func open(_ text: String, identity: String) throws -> [UInt8]
    /// The key an encrypted record names, nil when `text` is not an encrypted record.
    func keyName(of text: String) -> String?
}
