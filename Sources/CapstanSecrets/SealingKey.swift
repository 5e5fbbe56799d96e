import Crypto
import Foundation

/// An X25519 private key that opens sealed secrets. Printing it shows the key ID only, never the secret.
public struct SealingKey: Sendable {
    /// The private key.
    public let privateKey: Curve25519.KeyAgreement.PrivateKey
    /// When the key was made, if recorded (whole seconds).
    public let created: Date?

    public init(privateKey: Curve25519.KeyAgreement.PrivateKey, created: Date?) {
        self.privateKey = privateKey
        self.created = created.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
    }

    /// A new key from the system's secure random generator.
    public static func generate(created: Date = Date()) -> SealingKey {
        SealingKey(privateKey: Curve25519.KeyAgreement.PrivateKey(), created: created)
    }

    /// The public half: what `capstan seal` encrypts to.
    public var publicKey: SealingPublicKey {
        SealingPublicKey(validatedRaw: [UInt8](privateKey.publicKey.rawRepresentation))
    }

    /// The public key's ID: 16 hex digits, written into every value sealed to it.
    public var keyID: String { publicKey.keyID }

    /// True when every byte of the private key is zero (a placeholder, never a real key).
    var isAllZero: Bool { privateKey.rawRepresentation.allSatisfy { $0 == 0 } }
}

extension SealingKey: Equatable {
    public static func == (lhs: SealingKey, rhs: SealingKey) -> Bool {
        lhs.keyID == rhs.keyID && lhs.created == rhs.created
    }
}

extension SealingKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SealingKey(\(keyID))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": keyID, "created": created as Any]) }
}
