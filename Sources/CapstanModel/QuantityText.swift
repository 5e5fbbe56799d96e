/// The text of a quantity split exactly into `mantissa × 10^decimalExponent × 2^binaryExponent`
/// (no floating point, so `0.1` is one tenth and `1Gi` is 1073741824).
struct QuantityText {
    var mantissa: UInt64
    var decimalExponent: Int
    var binaryExponent: Int

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var index = bytes.first == UInt8(ascii: "+") ? 1 : 0
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var digits = 0
        var significant = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digits += 1
                if seenPoint { fractionDigits += 1 }
                if mantissa > 0 || byte != UInt8(ascii: "0") {
                    significant += 1
                    guard significant <= 18 else { return nil }
                }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
            } else {
                break
            }
            index += 1
        }
        guard digits > 0, let (decimal, binary) = Self.exponents(of: String(decoding: bytes[index...], as: UTF8.self))
        else { return nil }
        self.mantissa = mantissa
        self.decimalExponent = decimal - fractionDigits
        self.binaryExponent = binary
    }

    /// The decimal and binary exponents a suffix stands for.
    private static func exponents(of suffix: String) -> (Int, Int)? {
        switch suffix {
        case "": return (0, 0)
        case "Ki": return (0, 10)
        case "Mi": return (0, 20)
        case "Gi": return (0, 30)
        case "Ti": return (0, 40)
        case "Pi": return (0, 50)
        case "Ei": return (0, 60)
        case "n": return (-9, 0)
        case "u": return (-6, 0)
        case "m": return (-3, 0)
        case "k": return (3, 0)
        case "M": return (6, 0)
        case "G": return (9, 0)
        case "T": return (12, 0)
        case "P": return (15, 0)
        case "E": return (18, 0)
        default:
            guard let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()),
                abs(exponent) <= 40
            else { return nil }
            return (exponent, 0)
        }
    }

    /// `ceil(value × 10^decimalShift)` as Int64, or nil on overflow.
    func scaled(decimalShift: Int) -> Int64? {
        var numerator = mantissa
        for _ in 0..<binaryExponent {
            let (doubled, overflow) = numerator.multipliedReportingOverflow(by: 2)
            guard !overflow else { return nil }
            numerator = doubled
        }
        let exponent = decimalExponent + decimalShift
        if exponent >= 0 {
            for _ in 0..<exponent {
                let (product, overflow) = numerator.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                numerator = product
            }
        } else {
            var divisor: UInt64 = 1
            for _ in 0..<(-exponent) {
                let (product, overflow) = divisor.multipliedReportingOverflow(by: 10)
                if overflow { return numerator == 0 ? 0 : 1 }
                divisor = product
            }
            numerator = numerator / divisor + (numerator % divisor == 0 ? 0 : 1)
        }
        guard numerator <= UInt64(Int64.max) else { return nil }
        return Int64(numerator)
    }
}
