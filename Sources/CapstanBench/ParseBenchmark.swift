import CapstanEngine
import CapstanManifests
import CapstanModel
import Foundation

/// Times `ManifestDecoder.decode` over the generated files (read into memory first), in parallel as the
/// product runs it and on one thread, and `DesiredState.build` over the result.
struct ParseBenchmark {
    let folder: String
    let path: String
    let namespace: String
    let runs: Int

    init(options: BenchArguments) throws(BenchError) {
        folder = try options.string("folder")
        path = try options.string("path")
        namespace = options.string("namespace", default: "fleet")
        runs = try options.int("runs", default: 7, in: 1...1000)
    }

    func run() throws -> ParseResult {
        let files = try readFiles()
        let parallel = ManifestDecoder(options: ManifestDecodingOptions(defaultNamespace: namespace, parallel: true))
        let serial = ManifestDecoder(options: ManifestDecodingOptions(defaultNamespace: namespace, parallel: false))
        let manifests = try parallel.decode(files)  // warm-up, and the input of `build`
        return ParseResult(
            files: files.count, documents: manifests.count, bytes: files.reduce(0) { $0 + $1.contents.count },
            cores: ProcessInfo.processInfo.activeProcessorCount,
            parallel: try time { _ = try parallel.decode(files) },
            serial: try time { _ = try serial.decode(files) },
            build: try time { _ = DesiredState.build(manifests) })
    }

    private func time(_ work: () throws -> Void) throws -> Samples {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try work()
            samples.append(start.duration(to: .now).milliseconds)
        }
        return Samples(samples)
    }

    /// The YAML files under `folder/path`, sorted, with repository-relative paths as git gives them.
    private func readFiles() throws -> [SourceFile] {
        let directory = URL(fileURLWithPath: folder).appendingPathComponent(path)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !names.isEmpty else { throw BenchError("no YAML files in \(directory.path)") }
        return try names.map { name in
            let contents = try Data(contentsOf: directory.appendingPathComponent(name))
            return SourceFile(path: "\(path)/\(name)", contents: [UInt8](contents))
        }
    }
}
