import CapstanModel

/// Go's `strconv` number rules as go-yaml v2 applies them to plain scalars.
enum GoNumberParser {
    /// An int, or a float for the forms v2 reads as floats, or nil for a string.
    /// `bytes` starts with a digit or a sign.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        // go-yaml v2 removes every underscore before parsing.
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count)
        for byte in bytes where byte != UInt8(ascii: "_") { plain.append(byte) }
        if let int = parseInt(plain) { return .int(int) }
        if let uint = parseUnsigned(plain[...]), uint > UInt64(Int64.max) { return .double(Double(uint)) }
        if isYAMLStyleFloat(plain), let double = Double(String(decoding: plain, as: UTF8.self)), double.isFinite {
            return .double(double)
        }
        return nil
    }

    /// A float starting with `.` (`.5`, `.5e3`), as Go's `ParseFloat` reads it; nil otherwise.
    static func dotFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var plain: [UInt8] = []
        var previous: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "_") {
                // Go accepts an underscore only between digits.
                let next = offset + 1 < bytes.count ? bytes[offset + 1] : 0
                guard isDigit(previous), isDigit(next) else { return nil }
            } else {
                plain.append(byte)
            }
            previous = byte
        }
        guard isYAMLStyleFloat(plain) else { return nil }
        guard let double = Double(String(decoding: plain, as: UTF8.self)), double.isFinite else { return nil }
        return double
    }

    /// Go's `ParseInt(s, 0, 64)`: optional sign, then `0x`, `0o`, `0b` or a leading `0` for octal.
    static func parseInt(_ plain: [UInt8]) -> Int? {
        guard let first = plain.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        let digits = (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) ? plain[1...] : plain[...]
        guard let magnitude = parseUnsigned(digits) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int(magnitude)
    }

    /// Go's `ParseUint(s, 0, 64)`: no sign; base from the prefix.
    static func parseUnsigned(_ text: ArraySlice<UInt8>) -> UInt64? {
        guard let first = text.first else { return nil }
        var digits = text
        var base: UInt64 = 10
        if first == UInt8(ascii: "0") {
            let second = text.count >= 3 ? text[text.startIndex + 1] | 0x20 : 0
            switch second {
            case UInt8(ascii: "x"):
                base = 16
                digits = text.dropFirst(2)
            case UInt8(ascii: "o"):
                base = 8
                digits = text.dropFirst(2)
            case UInt8(ascii: "b"):
                base = 2
                digits = text.dropFirst(2)
            default:
                base = 8
                digits = text.dropFirst(1)
            }
        }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < base else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: base)
            let (sum, carry) = product.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// go-yaml v2's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ text: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < text.count, isDigit(text[index]) { index += 1 }
            return index - start
        }
        if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if index < text.count, text[index] == UInt8(ascii: ".") {
                index += 1
                _ = digits()
            }
        }
        if index < text.count, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == text.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
