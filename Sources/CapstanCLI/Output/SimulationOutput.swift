import CapstanModel

/// How `capstan sim …` prints the server's answer: its JSON exactly, YAML, or the one-line message.
enum SimulationOutput {
    static func print(_ body: [UInt8], format: OutputFormat) throws {
        if try Printer.printStructured(body, format: format) { return }
        let message = (try? JSONParser.parse(body))?["message"]?.stringValue
        Swift.print(message ?? String(decoding: body, as: UTF8.self))
    }
}
