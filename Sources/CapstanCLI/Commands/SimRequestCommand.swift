import ArgumentParser
import CapstanModel

/// `capstan sim request NS/SERVICE --count N`: N simulated requests through the Service, and how many each
/// pod served (round-robin over ready endpoints).
struct SimRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Send simulated requests through a service and count them per pod.")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The service, as NAMESPACE/NAME.") var service: String
    @Option(help: "How many requests, 1 to 1000000.") var count: Int

    func validate() throws {
        _ = try ObjectArgument.parse(service, what: "service")
        guard (1...1_000_000).contains(count) else {
            throw ValidationError("--count: expected a number of requests from 1 to 1000000, got \(count)")
        }
    }

    func run() async throws {
        let target = try ObjectArgument.parse(service, what: "service")
        let client = options.client
        let body = try await client.post(
            "/api/v1/sim/services/\(target.path)/requests", json: ["count": .int(count)])
        if try Printer.printStructured(body, format: options.output) { return }
        struct Distribution: Decodable {
            var service: String
            var total: Int
            var byPod: [String: Int]
        }
        let distribution = try client.decode(Distribution.self, body)
        var table = TableWriter(["POD", "REQUESTS"])
        for (pod, served) in distribution.byPod.sorted(by: { $0.key < $1.key }) { table.add([pod, String(served)]) }
        print(table.render())
        let pods = distribution.byPod.count
        print(
            "total: \(distribution.total) requests to \(distribution.service) over \(pods) pod\(pods == 1 ? "" : "s")")
    }
}
