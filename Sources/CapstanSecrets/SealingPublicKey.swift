import Crypto
import Foundation

/// The public half of a sealing key, shared freely: `capstan seal --cert` prints it as a standard
/// `PUBLIC KEY` PEM block (X25519 SubjectPublicKeyInfo, readable by `openssl pkey -pubin`).
public struct SealingPublicKey: Sendable, Hashable {
    /// The 32-byte X25519 public key.
    public let rawRepresentation: [UInt8]

    init(validatedRaw: [UInt8]) {
        rawRepresentation = validatedRaw
    }

    /// A key from its 32 raw bytes.
    public init(rawRepresentation: [UInt8]) throws(SecretsError) {
        guard rawRepresentation.count == 32 else {
            throw .invalidSealingKey(reason: "an X25519 public key is 32 bytes, found \(rawRepresentation.count)")
        }
        guard rawRepresentation.contains(where: { $0 != 0 }) else {
            throw .invalidSealingKey(reason: "the public key is all zeros")
        }
        self.rawRepresentation = rawRepresentation
    }

    /// A key from the PEM text `pem` prints (surrounding whitespace and other lines before or after are ignored).
    public init(pem text: String) throws(SecretsError) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: Self.beginLine),
            let end = lines[begin...].firstIndex(of: Self.endLine)
        else {
            throw .invalidSealingKey(reason: "no \(Self.beginLine) ... \(Self.endLine) block")
        }
        guard let der = Base64.decode(lines[(begin + 1)..<end].joined()) else {
            throw .invalidSealingKey(reason: "the PEM body is not canonical base64")
        }
        guard der.count == Self.spkiPrefix.count + 32, der.starts(with: Self.spkiPrefix) else {
            throw .invalidSealingKey(reason: "the PEM block is not an X25519 public key")
        }
        try self.init(rawRepresentation: Array(der.dropFirst(Self.spkiPrefix.count)))
    }

    /// 16 lowercase hex digits: the first 8 bytes of SHA-256 of the raw public key.
    public var keyID: String {
        SHA256.hash(data: rawRepresentation).prefix(8).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    /// The key ID as 8 bytes, as written into sealed values.
    var keyIDBytes: [UInt8] { Array(SHA256.hash(data: rawRepresentation).prefix(8)) }

    /// `-----BEGIN PUBLIC KEY-----`, base64 of the DER SubjectPublicKeyInfo, `-----END PUBLIC KEY-----`.
    public var pem: String {
        Self.beginLine + "\n" + Base64.encode(Self.spkiPrefix + rawRepresentation) + "\n" + Self.endLine + "\n"
    }

    var cryptoKey: Curve25519.KeyAgreement.PublicKey {
        // 32 bytes checked at construction: the library accepts any 32 bytes as an X25519 public key.
        try! Curve25519.KeyAgreement.PublicKey(rawRepresentation: rawRepresentation)
    }

    private static let beginLine = "-----BEGIN PUBLIC KEY-----"
    private static let endLine = "-----END PUBLIC KEY-----"
    /// DER of SubjectPublicKeyInfo { AlgorithmIdentifier { id-X25519 (1.3.101.110) }, BIT STRING (33 bytes) }.
    private static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x6E, 0x03, 0x21, 0x00]
}
