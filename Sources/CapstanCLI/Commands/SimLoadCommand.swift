import ArgumentParser
import CapstanModel

/// `capstan sim load NS/SERVICE --cpu PERCENT`: the CPU utilization of the service's pods, input to HPAs.
struct SimLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Set the CPU load of a service's pods (percent of their requests).")
    @OptionGroup var options: ClientOptions
    @Argument(help: "The service, as NAMESPACE/NAME.") var service: String
    @Option(help: "CPU utilization in percent of the pods' requests, 0 to 1000 (e.g. 90 or 90%).") var cpu: String

    func validate() throws {
        _ = try ObjectArgument.parse(service, what: "service")
        _ = try percent()
    }

    func run() async throws {
        let target = try ObjectArgument.parse(service, what: "service")
        let value = try percent()
        let number: Value = value == value.rounded() ? .int(Int(value)) : .double(value)
        let body = try await options.client.post("/api/v1/sim/services/\(target.path)/load", json: ["cpu": number])
        try SimulationOutput.print(body, format: options.output)
    }

    private func percent() throws -> Double {
        let text = cpu.hasSuffix("%") ? String(cpu.dropLast()) : cpu
        guard let value = Double(text), value.isFinite, (0...1000).contains(value) else {
            throw ValidationError("--cpu: expected a percentage from 0 to 1000, got \"\(cpu)\"")
        }
        return value
    }
}
