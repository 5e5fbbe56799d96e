import CapstanModel
import CapstanSecrets

/// SealedSecrets (`capstan.io/v1`) in git become the Secrets they seal, during render: the plaintext exists only
/// in memory (and, once applied, encrypted at rest). One that cannot be opened — moved, tampered, sealed for a
/// key this service does not have — fails the whole commit, naming the file, line and resource.
extension ManifestRenderer {
    static let sealedAPIVersion = "capstan.io/v1"
    static let sealedKind = "SealedSecret"

    func unsealingSecrets(_ manifests: [Manifest]) throws(RenderError) -> [Manifest] {
        var problems: [String] = []
        let opened = manifests.map { manifest -> Manifest in
            let resource = manifest.resource
            guard resource.apiVersion == Self.sealedAPIVersion, resource.kind == Self.sealedKind else {
                return manifest
            }
            do {
                let secret = try Unsealer.unseal(sealed: resource, keys: sealingKeys, file: "\(manifest.location)")
                return Manifest(resource: secret, location: manifest.location)
            } catch {
                problems.append(String(describing: error))
                return manifest
            }
        }
        guard problems.isEmpty else { throw RenderError(message: problems.joined(separator: "\n")) }
        return opened
    }
}
