import CapstanModel

extension ManifestDecoder {
    /// One problem for each resource defined again, at the second definition, naming both places.
    func duplicateProblems(in decoded: [DecodedManifest]) -> [ManifestProblem] {
        var first: [ResourceKey: SourceLocation] = [:]
        first.reserveCapacity(decoded.count)
        var problems: [ManifestProblem] = []
        for item in decoded {
            let key = item.manifest.resource.key
            let location = item.manifest.location
            if let earlier = first[key] {
                let message = "duplicate resource \(key): \(earlier) and \(location)"
                problems.append(ManifestProblem(location: location, message: message))
            } else {
                first[key] = location
            }
        }
        return problems
    }
}
