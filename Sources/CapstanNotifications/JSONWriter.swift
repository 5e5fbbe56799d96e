/// Compact JSON written in the order the caller gives, so a body's bytes are stable.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = [false]

    /// Opens an object; as a member when `key` is given.
    mutating func beginObject(_ key: String? = nil) { begin(key, UInt8(ascii: "{")) }

    mutating func endObject() { end(UInt8(ascii: "}")) }

    /// Opens an array; as a member when `key` is given.
    mutating func beginArray(_ key: String? = nil) { begin(key, UInt8(ascii: "[")) }

    mutating func endArray() { end(UInt8(ascii: "]")) }

    /// A string member (or array element without `key`); nil writes `null`.
    mutating func string(_ key: String?, _ value: String?) {
        separate(key)
        if let value { appendQuoted(value) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// A boolean member.
    mutating func bool(_ key: String?, _ value: Bool) {
        separate(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// An integer member.
    mutating func integer(_ key: String?, _ value: Int64) {
        separate(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func begin(_ key: String?, _ bracket: UInt8) {
        separate(key)
        bytes.append(bracket)
        needsComma.append(false)
    }

    private mutating func end(_ bracket: UInt8) {
        needsComma.removeLast()
        bytes.append(bracket)
    }

    private mutating func separate(_ key: String?) {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
        if let key {
            appendQuoted(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// RFC 8259 string: quote, backslash and control characters escaped, everything else as UTF-8.
    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
