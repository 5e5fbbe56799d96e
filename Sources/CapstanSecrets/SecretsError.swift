import CapstanModel
import Foundation

/// A failure of encryption at rest or of the key ring: what failed and where, never a secret value.
public enum SecretsError: ClassifiedError, Equatable {
    /// A record is encrypted with a key that is not in the ring.
    case unknownKey(name: String, identity: String)
    /// A record failed authentication or is not a well-formed envelope.
    case corrupt(identity: String, reason: String)
    /// Encrypting a record failed inside the cryptographic library.
    case encryptionFailed(identity: String, reason: String)
    /// The key file is readable or writable by group or others (`mode` holds the permission bits).
    case insecureKeyFile(path: String, mode: UInt32)
    /// The key file cannot be read as a key ring; `line` is 1-based when known.
    case malformedKeyFile(path: String, line: Int?, reason: String)
    /// A change that would leave the ring broken (duplicate name, removing the primary key, ...).
    case invalidKeyRing(reason: String)
    /// `generate(at:)` refuses to overwrite an existing file.
    case keyFileExists(path: String)
    /// A system call on the key file failed.
    case keyFileIO(path: String, operation: String, errno: Int32)
    /// A sealing public key given as text cannot be read.
    case invalidSealingKey(reason: String)

    /// Only an interrupted or busy system call may succeed when tried again; the rest need a fix.
    public var isRetryable: Bool {
        if case .keyFileIO(_, _, let code) = self { return code == EINTR || code == EAGAIN || code == EBUSY }
        return false
    }

    public var description: String {
        switch self {
        case .unknownKey(let name, let identity):
            return "record \(identity) is encrypted with key '\(name)', which is not in the key ring; "
                + "add that key back to the key file (keys are never recoverable from the records)"
        case .corrupt(let identity, let reason):
            return "record \(identity) is corrupt and cannot be decrypted: \(reason); "
                + "restore it from a backup or delete it explicitly"
        case .encryptionFailed(let identity, let reason):
            return "cannot encrypt record \(identity): \(reason)"
        case .insecureKeyFile(let path, let mode):
            return "key file \(path) has mode \(Self.octal(mode)) (\(Self.exposure(mode))); "
                + "a key file must be readable and writable by its owner only: run `chmod 600 \(path)`"
        case .malformedKeyFile(let path, let line, let reason):
            if let line { return "\(path):\(line): \(reason)" }
            return "\(path): \(reason)"
        case .invalidKeyRing(let reason):
            return "invalid key ring: \(reason)"
        case .keyFileExists(let path):
            return "key file \(path) already exists; Capstan never overwrites a key ring (move it away first)"
        case .keyFileIO(let path, let operation, let code):
            return "cannot \(operation) key file \(path): \(String(cString: strerror(code)))"
        case .invalidSealingKey(let reason):
            return "invalid sealing public key: \(reason)"
        }
    }

    /// `0640`: permission bits as four octal digits.
    static func octal(_ mode: UInt32) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `readable by group, writable by others`: who besides the owner may touch the file.
    static func exposure(_ mode: UInt32) -> String {
        var parts: [String] = []
        for (shift, who) in [(3, "group"), (0, "others")] {
            let bits = (mode >> UInt32(shift)) & 0o7
            var rights: [String] = []
            if bits & 0o4 != 0 { rights.append("readable") }
            if bits & 0o2 != 0 { rights.append("writable") }
            if bits & 0o1 != 0 { rights.append("executable") }
            if !rights.isEmpty { parts.append(rights.joined(separator: " and ") + " by " + who) }
        }
        return parts.joined(separator: ", ")
    }
}
