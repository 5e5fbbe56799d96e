import CapstanModel

/// A Secret that cannot be sealed or a SealedSecret that cannot be opened: the file, the resource, the data key
/// and what is wrong, never a value.
public struct SealedSecretError: ClassifiedError, Equatable {
    /// What is wrong.
    public enum Problem: Error, Sendable, Equatable {
        /// The document is not what was expected (kind, missing namespace, non-string value, ...).
        case malformed(String)
        /// A value is not canonical standard base64.
        case badBase64
        /// Sealed for a sealing key this service does not have; `known` lists the IDs it has.
        case unknownSealingKey(keyID: String, known: [String])
        /// Sealed for another namespace or name (or another scope) than the SealedSecret now has.
        case moved(scope: SealingScope)
        /// Authentication failed: the value was altered or truncated.
        case tampered(String)
        /// Written by a newer format version.
        case unsupportedVersion(UInt8)
        /// The service has no sealing key at all.
        case noSealingKeys
    }

    /// The file the resource came from (repository-relative when from git).
    public var file: String
    /// `SealedSecret ns/name` or `Secret ns/name`.
    public var resource: String
    /// The data key the problem is about, if one.
    public var dataKey: String?
    public var problem: Problem

    public init(file: String, resource: String, dataKey: String? = nil, problem: Problem) {
        self.file = file
        self.resource = resource
        self.dataKey = dataKey
        self.problem = problem
    }

    /// Only a new commit (a resealed or fixed file) or a restored sealing key can help.
    public var isRetryable: Bool { false }

    public var description: String {
        var subject = "\(file): \(resource)"
        if let dataKey { subject += ": data key '\(dataKey)'" }
        return subject + ": " + explanation
    }

    private var explanation: String {
        switch problem {
        case .malformed(let reason):
            return reason
        case .badBase64:
            return "the value is not canonical standard base64"
        case .unknownSealingKey(let keyID, let known):
            let have = known.isEmpty ? "none" : known.joined(separator: ", ")
            return "sealed for sealing key \(keyID), which this service does not have (it has: \(have)); "
                + "seal it again with the key `capstan seal --cert` prints"
        case .moved(let scope):
            let bound = scope == .strict ? "namespace and name" : "namespace"
            return "sealed for another \(bound) (scope \(scope.rawValue)): a SealedSecret cannot be moved or "
                + "renamed, or its scope changed; seal it again for its new place"
        case .tampered(let reason):
            return "the sealed value failed authentication (\(reason)); it was altered, seal it again"
        case .unsupportedVersion(let version):
            return "sealed with format version \(version), which this Capstan cannot read; upgrade Capstan"
        case .noSealingKeys:
            return "this service has no sealing key; create one with `capstan keys renew-sealing`"
        }
    }
}
