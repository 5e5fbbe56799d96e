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

/// kubectl's age format: 45s, 3m, 2h5m, 4d.
enum Age {
    static func since(_ date: Date?, now: Date) -> String {
        guard let date else { return "<unknown>" }
        let seconds = max(Int(now.timeIntervalSince(date)), 0)
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return "\(seconds / 60)m\(seconds % 60 == 0 ? "" : "\(seconds % 60)s")"
        case ..<10_800: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h\(seconds % 3600 / 60 == 0 ? "" : "\(seconds % 3600 / 60)m")"
        default: return "\(seconds / 86_400)d"
        }
    }
}
