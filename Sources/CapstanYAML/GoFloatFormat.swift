/// Go's `strconv.FormatFloat(f, 'g', -1, 32)` with go-yaml's names for the special values.
enum GoFloatFormat {
    static func shortestG32(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let float = Float(value)
        if float.isInfinite { return float < 0 ? "-.inf" : ".inf" }
        if float == 0 { return float.sign == .minus ? "-0" : "0" }
        let (digits, exponent) = decimalDigits(of: abs(float))
        let sign = float < 0 ? "-" : ""
        // Go uses %e when the exponent is < -4 or >= 6 for the shortest representation.
        if exponent < -4 || exponent >= 6 {
            var text = String(digits.first!)
            if digits.count > 1 { text += "." + digits.dropFirst() }
            let magnitude = abs(exponent)
            text += (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
            return sign + text
        }
        let pointPosition = exponent + 1
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip decimal digits of a positive float (no leading or trailing zeros)
    /// and the decimal exponent of the first digit.
    private static func decimalDigits(of float: Float) -> (digits: String, exponent: Int) {
        let text = float.description  // shortest round-trip form, e.g. "1000.0", "1e-05", "1.5e+20"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let integerPart = mantissa.prefix { $0 != "." }
        let fractionPart = mantissa.dropFirst(integerPart.count + 1)
        var digits = String(integerPart) + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, pointPosition - 1)
    }
}
