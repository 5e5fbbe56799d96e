import CapstanModel
import Foundation

/// Writes command output: the API's JSON exactly, YAML converted from it, or a table.
enum Printer {
    static func printJSON(_ body: [UInt8]) {
        FileHandle.standardOutput.write(Data(body))
        if body.last != 0x0A { print() }
    }

    static func printYAML(_ body: [UInt8]) throws {
        let value: Value
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw CLIError("unexpected response: \(error)")
        }
        print(YAMLRenderer.render(value), terminator: "")
    }

    /// Prints `body` in the structured formats, or returns false so the caller prints a table.
    static func printStructured(_ body: [UInt8], format: OutputFormat) throws -> Bool {
        switch format {
        case .json:
            printJSON(body)
            return true
        case .yaml:
            try printYAML(body)
            return true
        case .table, .wide: return false
        }
    }
}
