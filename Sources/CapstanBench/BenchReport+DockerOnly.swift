import Foundation

extension BenchReport {
    /// Writes the report: the whole file from a full `make bench` run's results, or, when the folder holds only
    /// the Docker comparison (`BENCH_ONLY=docker`), that section spliced into the existing file.
    static func write(options: BenchArguments) throws {
        let folder = try options.string("results")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        if names.contains(where: { $0.hasPrefix("cold-") }) {
            try BenchReport(options: options).write()
            return
        }
        guard let docker = try BenchResults.docker(in: folder) else {
            throw BenchError("no results in \(folder): neither cold-*.json nor docker-converge.json")
        }
        let section = DockerReportSection(result: docker, measuredAlone: Date())
        try DockerReportSplice(output: options.string("output")).write(section.markdown)
    }
}
