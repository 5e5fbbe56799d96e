import CapstanSecrets
import CapstanStore
import Foundation
import Logging

/// The key ring that encrypts Secret and ConfigMap records at rest: loaded from the key file (refused when group
/// or others may read it, or when it is malformed), or generated there on first start.
enum EncryptionSetup {
    static func keyFile(_ settings: ServiceSettings) -> String {
        settings.encryptionKeyFile ?? (settings.stateDirectory as NSString).appendingPathComponent("keys.yaml")
    }

    static func keyRing(_ settings: ServiceSettings, logger: Logger) throws -> KeyRing {
        let path = keyFile(settings)
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        } catch {
            throw ServiceError("cannot create the folder of the key file \(path): \(error.localizedDescription)")
        }
        let loaded: (file: KeyRingFile, generated: Bool)
        do {
            loaded = try KeyRingFile.loadOrGenerate(at: path)
        } catch {
            throw ServiceError("encryption key ring: \(error)")
        }
        if loaded.generated {
            logger.notice(
                "generated a new key ring for Secrets and ConfigMaps at rest; back it up: without it they cannot be read",
                metadata: ["encryption.keyFile": .string(path)])
        }
        return KeyRing(loaded.file)
    }

    /// Logs a warning for each key of the ring that has done 2^32 encryptions or more (counted in the store), naming
    /// the key, the count and the commands that rotate it.
    static func warnAboutWornKeys(_ ring: KeyRing, store: StateStore, logger: Logger) async throws {
        let counts = try await store.encryptionCounts()
        for (index, name) in ring.keyNames.enumerated() {
            let count = counts[name] ?? 0
            guard KeyRing.needsRotation(encryptions: count) else { continue }
            logger.warning(
                "\(KeyRotationAdvice.warning(key: name, encryptions: count, isPrimary: index == 0))",
                metadata: ["encryption.key": .string(name), "encryption.count": .stringConvertible(count)])
        }
    }
}
