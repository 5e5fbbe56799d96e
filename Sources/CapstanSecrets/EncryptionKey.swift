import Crypto
import Foundation

/// A named 256-bit AES key of the ring. Printing it shows the name only, never the secret.
public struct EncryptionKey: Sendable, Equatable {
    /// The length of every key: 256 bits.
    public static let byteCount = 32

    /// The name written in every envelope this key encrypts.
    public let name: String
    /// The key material.
    public let secret: SymmetricKey
    /// When the key was made, if recorded (whole seconds).
    public let created: Date?

    /// A key from existing material; the ring checks the name, the length and that it is not all zero.
    public init(name: String, secret: SymmetricKey, created: Date?) {
        self.name = name
        self.secret = secret
        self.created = created.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
    }

    /// A new key from the system's secure random generator.
    public static func generate(name: String, created: Date = Date()) -> EncryptionKey {
        EncryptionKey(name: name, secret: SymmetricKey(size: .bits256), created: created)
    }

    /// True when every byte of the key is zero (a placeholder, never a real key).
    var isAllZero: Bool {
        secret.withUnsafeBytes { bytes in bytes.allSatisfy { $0 == 0 } }
    }
}

extension EncryptionKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "EncryptionKey(\(name))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "created": created as Any]) }
}
