/// Decoding the generated YAML with Capstan's ManifestDecoder.
struct ParseResult: Codable, Sendable {
    var files: Int
    var documents: Int
    var bytes: Int
    /// Cores the parallel decode may use.
    var cores: Int
    /// `ManifestDecoder.decode` as the product runs it: files spread over all cores.
    var parallel: Samples
    /// The same on one thread, for a per-core comparison with PyYAML.
    var serial: Samples
    /// `DesiredState.build` over the decoded manifests (normalize and hash), the rest of a render.
    var build: Samples
}
