import Crypto

/// The bytes of one sealed data value:
/// version (1) ‖ sealing key ID (8) ‖ binding tag (8) ‖ ephemeral X25519 public key (32) ‖ nonce (12) ‖
/// AES-256-GCM ciphertext ‖ tag (16). The first 49 bytes are the header, authenticated with the binding.
enum SealedValue {
    static let version: UInt8 = 1
    static let headerCount = 1 + 8 + 8 + 32
    static let minimumCount = headerCount + 12 + 16

    /// Seals `plaintext` to `recipient` with a fresh ephemeral key: X25519, HKDF-SHA256, AES-256-GCM.
    static func seal(
        _ plaintext: [UInt8], to recipient: SealingPublicKey, binding: SealedBinding, dataKey: String
    ) throws -> [UInt8] {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let ephemeralPublic = [UInt8](ephemeral.publicKey.rawRepresentation)
        let header = [version] + recipient.keyIDBytes + binding.tag + ephemeralPublic
        let shared = try ephemeral.sharedSecretFromKeyAgreement(with: recipient.cryptoKey)
        let key = derive(shared, ephemeralPublic: ephemeralPublic, recipientPublic: recipient.rawRepresentation)
        let box = try AES.GCM.seal(
            plaintext, using: key, nonce: AES.GCM.Nonce(),
            authenticating: binding.authenticatedData(header: header, dataKey: dataKey))
        return header + Array(box.combined!)
    }

    /// Opens a sealed value with whichever of `keys` it was sealed to, checking binding and authenticity.
    static func open(
        _ bytes: [UInt8], keys: [SealingKey], binding: SealedBinding, dataKey: String
    ) throws(SealedSecretError.Problem) -> [UInt8] {
        guard bytes.count >= minimumCount else {
            throw .tampered("truncated: \(bytes.count) bytes, at least \(minimumCount) needed")
        }
        guard bytes[0] == version else { throw .unsupportedVersion(bytes[0]) }
        let keyID = Array(bytes[1..<9])
        guard let key = keys.first(where: { $0.publicKey.keyIDBytes == keyID }) else {
            throw .unknownSealingKey(keyID: hex(keyID), known: keys.map(\.keyID))
        }
        guard Array(bytes[9..<17]) == binding.tag else { throw .moved(scope: binding.scope) }
        let ephemeralPublic = Array(bytes[17..<headerCount])
        do {
            let peer = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: ephemeralPublic)
            let shared = try key.privateKey.sharedSecretFromKeyAgreement(with: peer)
            let symmetric = derive(
                shared, ephemeralPublic: ephemeralPublic, recipientPublic: key.publicKey.rawRepresentation)
            let box = try AES.GCM.SealedBox(combined: bytes[headerCount...])
            let aad = binding.authenticatedData(header: Array(bytes[..<headerCount]), dataKey: dataKey)
            return Array(try AES.GCM.open(box, using: symmetric, authenticating: aad))
        } catch {
            throw .tampered("the ciphertext, its header or its data key name was changed")
        }
    }

    /// HKDF-SHA256 of the shared secret; salt and info carry the format version and both public keys.
    private static func derive(
        _ shared: SharedSecret, ephemeralPublic: [UInt8], recipientPublic: [UInt8]
    ) -> SymmetricKey {
        shared.hkdfDerivedSymmetricKey(
            using: SHA256.self, salt: Array("capstan-sealed-secret-v1".utf8) + ephemeralPublic + recipientPublic,
            sharedInfo: Array("capstan.io/v1 SealedSecret X25519 HKDF-SHA256 AES-256-GCM".utf8),
            outputByteCount: 32)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
