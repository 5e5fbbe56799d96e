import CapstanModel
import CapstanYAML

/// Turns the files of a revision into validated resources: all of them, or a `ManifestError` listing
/// every problem found (nothing is half-decoded).
///
/// `.yaml`/`.yml` files are YAML streams, `.json` files one JSON object; other files and anything under
/// a folder starting with `.` are ignored. `kind: List` expands into its items. Namespaced resources
/// without a namespace get `options.defaultNamespace`; cluster-scoped ones must not name one.
/// The same resource defined twice is an error naming both places.
public struct ManifestDecoder: Sendable {
    public var options: ManifestDecodingOptions

    public init(options: ManifestDecodingOptions = ManifestDecodingOptions()) {
        self.options = options
    }

    /// The resources of `files`, in file order then document order.
    public func decode(_ files: [SourceFile]) throws(ManifestError) -> [Manifest] {
        var problems: [ManifestProblem] = []
        let plan = ManifestFilePlan(files: files)
        problems += plan.problems
        let decoder = ManifestFileDecoder(validator: ResourceValidator(defaultNamespace: options.defaultNamespace))
        let decodedFiles = decodeInParallel(plan.entries.count) { index in
            let entry = plan.entries[index]
            return decoder.decode(files[entry.fileIndex], as: entry.kind)
        }
        var decoded: [DecodedManifest] = []
        for file in decodedFiles {
            problems += file.problems
            decoded += file.manifests
        }
        problems += applyCustomScopes(to: &decoded)
        problems += duplicateProblems(in: decoded)
        guard problems.isEmpty else {
            let reported = Array(problems.sorted().prefix(max(options.maximumProblems, 1)))
            throw ManifestError(problems: reported, totalCount: problems.count)
        }
        return decoded.map(\.manifest)
    }

    /// Runs `work` for 0..<count, on all cores when `options.parallel` and there is enough work.
    private func decodeInParallel(_ count: Int, _ work: @Sendable (Int) -> DecodedFile) -> [DecodedFile] {
        guard options.parallel, count > 1 else { return (0..<count).map(work) }
        return ParallelMap.map(count: count, work)
    }
}
