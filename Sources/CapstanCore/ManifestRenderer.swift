import CapstanEngine
import CapstanGit
import CapstanManifests
import CapstanModel
import CapstanSecrets

/// Turns the files of one commit into desired state: decode, validate, default namespaces, normalize.
/// All or nothing — one bad document fails the whole commit, so nothing from it is applied.
public struct ManifestRenderer: Sendable {
    /// The keys that open SealedSecrets (newest first); without any, a SealedSecret in git fails its commit.
    let sealingKeys: [SealingKey]
    /// Keys the `capstan.io/config-checksum` of workloads; nil leaves them unannotated.
    let checksumKey: [UInt8]?

    public init(sealingKeys: [SealingKey] = [], checksumKey: [UInt8]? = nil) {
        self.sealingKeys = sealingKeys
        self.checksumKey = checksumKey
    }

    public func render(files: [SourceFile], defaultNamespace: String) throws(RenderError) -> [DesiredResource] {
        do {
            let decoder = ManifestDecoder(options: ManifestDecodingOptions(defaultNamespace: defaultNamespace))
            let manifests = try unsealingSecrets(try decoder.decode(files))
            let desired = DesiredState.build(manifests, checksumKey: checksumKey)
            let problems = SyncWave.problems(in: desired)
            guard problems.isEmpty else { throw RenderError(message: problems.joined(separator: "\n")) }
            return desired
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(message: String(describing: error))
        }
    }
}

/// The manifests of a commit cannot be turned into desired state (YAML errors, invalid resources,
/// duplicates, a missing path). Retrying does not help; a new commit does.
public struct RenderError: ClassifiedError, Equatable {
    /// One problem per line, each `file:line: message`.
    public var message: String
    /// True only when reading the files failed for a passing reason (the commit itself may be fine).
    public var isRetryable: Bool
    public var description: String { message }

    public init(message: String, isRetryable: Bool = false) {
        self.message = message
        self.isRetryable = isRetryable
    }
}
