/// What one file yielded: its resources, or the problems that stop it.
struct DecodedFile: Sendable {
    var manifests: [DecodedManifest] = []
    var problems: [ManifestProblem] = []
}
