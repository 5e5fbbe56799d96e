import CapstanModel

/// Prints a value as block YAML (keys sorted), quoting strings that YAML would read as something else.
enum YAMLRenderer {
    static func render(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, into: &out, inline: false)
        return out.hasSuffix("\n") ? out : out + "\n"
    }

    private static func write(_ value: Value, indent: Int, into out: inout String, inline: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members) where !members.isEmpty:
            var first = true
            for key in members.keys.sorted() {
                if !(first && inline) { out += pad }
                first = false
                out += scalar(key) + ":"
                writeChild(members[key]!, indent: indent, into: &out)
            }
        case .array(let items) where !items.isEmpty:
            var first = true
            for item in items {
                if !(first && inline) { out += pad }
                first = false
                out += "-"
                switch item {
                case .object(let m) where !m.isEmpty:
                    out += " "
                    write(item, indent: indent + 2, into: &out, inline: true)
                case .array(let a) where !a.isEmpty:
                    out += "\n"
                    write(item, indent: indent + 2, into: &out, inline: false)
                default:
                    out += " " + scalarText(item) + "\n"
                }
            }
        default:
            out += scalarText(value) + "\n"
        }
    }

    private static func writeChild(_ value: Value, indent: Int, into out: inout String) {
        switch value {
        case .object(let m) where !m.isEmpty:
            out += "\n"
            write(value, indent: indent + 2, into: &out, inline: false)
        case .array(let a) where !a.isEmpty:
            out += "\n"
            write(value, indent: indent, into: &out, inline: false)
        default:
            out += " " + scalarText(value) + "\n"
        }
    }

    private static func scalarText(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Value.double(d).jsonString()
        case .string(let s): return scalar(s)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// A string as a plain scalar when that reads back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = [
            "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
            "y", "Y", "n", "N",
        ]
        let special = text.contains { ":#{}[],&*!|>'\"%@`\n\t\\".contains($0) }
        let looksNumeric = Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix(".")
        let edgeSpace = text.first == " " || text.last == " " || text.first == "-" || text.first == "?"
        if reserved.contains(text) || special || looksNumeric || edgeSpace {
            return Value.string(text).jsonString()
        }
        return text
    }
}
