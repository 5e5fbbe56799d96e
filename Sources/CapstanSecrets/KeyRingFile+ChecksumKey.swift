import Crypto
import Foundation

extension KeyRingFile {
    /// The key of workloads' config checksums: derived (HKDF-SHA256) from the oldest sealing key, so it stays the
    /// same when keys are added or rotated (which must not roll every workload out), and lives only in the key
    /// file, so a copy of the state directory does not let anyone test guesses of a Secret against its checksum.
    public var checksumKey: [UInt8]? {
        guard let oldest = sealingKeys.last else { return nil }
        let derived = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: oldest.privateKey.rawRepresentation),
            info: Array("capstan config-checksum v1".utf8), outputByteCount: 32)
        return derived.withUnsafeBytes { Array($0) }
    }
}
