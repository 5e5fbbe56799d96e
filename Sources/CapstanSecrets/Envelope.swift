/// The text form of a record encrypted at rest:
/// `capstan:enc:aesgcm:v1:<keyname>:` then standard base64 of nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes).
///
/// The additional authenticated data is the record's identity, given by the caller. See docs/secrets.md.
public enum Envelope {
    /// Every encrypted record starts with this text.
    public static let prefix = "capstan:enc:aesgcm:v1:"
    /// AES-GCM nonce length: 96 bits, random for every encryption.
    public static let nonceByteCount = 12
    /// AES-GCM tag length: 128 bits.
    public static let tagByteCount = 16

    /// True when `text` starts with the envelope prefix. Not a reason to skip decryption: a record that must be
    /// encrypted and lacks the prefix is corrupt (`KeyRing.open` says so).
    public static func isEncrypted(_ text: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    /// The name of the key that encrypted `text`, read without decrypting; nil when it is no well-formed envelope.
    public static func keyName(of text: String) -> String? {
        guard let (name, _) = split(text), KeyName.isValid(name) else { return nil }
        return name
    }

    /// The key name and the decoded nonce ‖ ciphertext ‖ tag, or `.corrupt` naming what is wrong.
    static func parse(_ text: String, identity: String) throws(SecretsError) -> (keyName: String, payload: [UInt8]) {
        guard isEncrypted(text) else {
            throw .corrupt(identity: identity, reason: "the text does not start with \(prefix)")
        }
        guard let (name, encoded) = split(text) else {
            throw .corrupt(identity: identity, reason: "no ':' after the key name")
        }
        guard KeyName.isValid(name) else {
            throw .corrupt(identity: identity, reason: "the key name is not valid (\(KeyName.rule))")
        }
        guard let payload = Base64.decode(encoded) else {
            throw .corrupt(identity: identity, reason: "the payload after key '\(name)' is not canonical base64")
        }
        let minimum = nonceByteCount + tagByteCount
        guard payload.count >= minimum else {
            throw .corrupt(
                identity: identity,
                reason: "the payload is truncated: \(payload.count) bytes, at least \(minimum) needed")
        }
        return (name, payload)
    }

    /// The envelope text for a key name and nonce ‖ ciphertext ‖ tag.
    static func format(keyName: String, payload: [UInt8]) -> String {
        prefix + keyName + ":" + Base64.encode(payload)
    }

    /// The text between the prefix and the next `:`, and the text after it.
    private static func split(_ text: String) -> (String, String)? {
        let utf8 = text.utf8
        guard isEncrypted(text) else { return nil }
        let rest = utf8.dropFirst(prefix.utf8.count)
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        return (
            String(decoding: rest[..<colon], as: UTF8.self),
            String(decoding: rest[rest.index(after: colon)...], as: UTF8.self)
        )
    }
}
