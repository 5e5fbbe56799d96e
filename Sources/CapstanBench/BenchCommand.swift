import Foundation

/// Runs one subcommand and prints its result as one JSON object on standard output.
enum BenchCommand {
    static let usage = """
        usage: capstan-bench <command> [--name value]...
          cold       --repo URL --path P --apps N --work DIR      one cold reconcile, its phases and peak RSS
          no-change  --repo URL --path P --apps N --work DIR [--runs N]
                                                                  reconciles of an unchanged commit
          parse      --folder DIR --path P [--runs N]             ManifestDecoder over the files under DIR/P
          sim-scale  --work DIR [--nodes N] [--pods N]            the simulated cluster scheduling and running N pods
          webhook-latency --work DIR [--commits N] [--resources N] [--timeout-seconds N]
                                                                  signed push webhook → new revision Healthy
          webhook-throughput --work DIR [--requests N] [--concurrency N] [--seconds N]
                             [--commits N] [--pushes N]
                                                                  signed deliveries per second, coalescing, last commit
          docker-converge --docker-host URL --work DIR [--services N] [--cold-runs N] [--no-change-runs N]
                          [--image REF] [--compose PATH]
                                                                  the Docker backend against docker-compose, one daemon
          report     --results DIR --output FILE --swift-version TEXT
                                                                  writes the Markdown report from the results
        """

    static func run(_ arguments: [String]) async -> Int32 {
        do {
            let options = try BenchArguments(arguments)
            switch options.command {
            case "cold": try emit(await ColdReconcileBenchmark(options: options).run())
            case "no-change": try emit(await NoChangeBenchmark(options: options).run())
            case "parse": try emit(ParseBenchmark(options: options).run())
            case "sim-scale": try emit(await SimScaleBenchmark(options: options).run())
            case "webhook-latency": try emit(await WebhookLatencyBenchmark(options: options).run())
            case "webhook-throughput": try emit(await WebhookThroughputBenchmark(options: options).run())
            case "docker-converge": try emit(await DockerConvergeBenchmark(options: options).run())
            case "report": try BenchReport.write(options: options)
            default: throw BenchError("unknown command \"\(options.command)\"\n\n\(usage)")
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("capstan-bench: \(error)\n".utf8))
            return 1
        }
    }

    private static func emit<T: Encodable>(_ result: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        FileHandle.standardOutput.write(try encoder.encode(result) + Data("\n".utf8))
    }
}
