import Foundation

/// Everything one `make bench` measured, read back from the folder the subcommands wrote to.
struct BenchResults {
    var cold: [ColdRun]
    var noChange: NoChangeResult
    var parse: ParseResult
    var pyyaml: PyYAMLResult
    /// Scale runs of the simulated cluster (`sim-scale-*.json`), one process each.
    var simScale: [SimScaleRun]
    /// The webhook runs of issue 4 (`webhook-latency.json`, `webhook-throughput.json`), nil when not measured.
    var webhookLatency: WebhookLatencyResult?
    var webhookThroughput: WebhookThroughputResult?
    /// The Docker backend against docker-compose (`docker-converge.json`), nil when not measured.
    var docker: DockerConvergeResult?

    /// Reads `cold-*.json`, `no-change.json`, `parse.json` and `pyyaml.json` from `folder`.
    init(folder: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let coldNames = names.filter { $0.hasPrefix("cold-") && $0.hasSuffix(".json") }
        guard !coldNames.isEmpty else { throw BenchError("no cold-*.json results in \(folder)") }
        cold = try coldNames.map { try Self.load(ColdRun.self, folder, $0) }
        noChange = try Self.load(NoChangeResult.self, folder, "no-change.json")
        parse = try Self.load(ParseResult.self, folder, "parse.json")
        pyyaml = try Self.load(PyYAMLResult.self, folder, "pyyaml.json")
        simScale = try names.filter { $0.hasPrefix("sim-scale-") && $0.hasSuffix(".json") }.map {
            try Self.load(SimScaleRun.self, folder, $0)
        }
        webhookLatency =
            try names.contains("webhook-latency.json")
            ? Self.load(WebhookLatencyResult.self, folder, "webhook-latency.json") : nil
        webhookThroughput =
            try names.contains("webhook-throughput.json")
            ? Self.load(WebhookThroughputResult.self, folder, "webhook-throughput.json") : nil
        docker = try Self.docker(in: folder)
    }

    /// The `docker-converge.json` result in `folder`, nil when there is none.
    static func docker(in folder: String) throws -> DockerConvergeResult? {
        guard FileManager.default.fileExists(atPath: "\(folder)/docker-converge.json") else { return nil }
        return try load(DockerConvergeResult.self, folder, "docker-converge.json")
    }

    private static func load<T: Decodable>(_ type: T.Type, _ folder: String, _ name: String) throws -> T {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name)
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: path))
        } catch {
            throw BenchError("cannot read the result \(path.path): \(error)")
        }
    }
}
