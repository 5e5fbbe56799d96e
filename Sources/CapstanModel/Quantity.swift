import Foundation

/// A Kubernetes resource quantity (`500m`, `2`, `1.5`, `512Mi`, `1G`, `1e3`), held exactly in thousandths.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value × 1000 (millicores for cpu, millibytes for memory).
    public var milliValue: Int64

    public init(milliValue: Int64) { self.milliValue = milliValue }

    private static let suffixes: [(String, Double)] = [
        ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
        ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12),
        ("P", 1e15), ("E", 1e18),
    ]

    /// Parses the quantity text; nil when it is not a valid quantity.
    public init?(_ text: String) {
        if let whole = Self.plainInteger(text) {
            self.init(milliValue: whole * 1000)
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var number = Substring(trimmed)
        var multiplier = 1.0
        if let (suffix, factor) = Self.suffixes.first(where: { trimmed.hasSuffix($0.0) }) {
            number = number.dropLast(suffix.count)
            multiplier = factor
        } else if let e = trimmed.lastIndex(where: { $0 == "e" || $0 == "E" }), e != trimmed.startIndex {
            guard let exponent = Int(trimmed[trimmed.index(after: e)...]), abs(exponent) <= 18 else { return nil }
            number = trimmed[..<e]
            multiplier = pow10(exponent)
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." || $0 == "+" || $0 == "-" }),
            let amount = Double(number), amount >= 0
        else { return nil }
        let milli = (amount * multiplier * 1000).rounded(.up)
        guard milli < 9.2e18 else { return nil }
        self.init(milliValue: Int64(milli))
    }

    /// Reads a quantity from a manifest value: a string (`"500m"`) or a number (`2`, `0.5`).
    public init?(_ value: Value) {
        switch value {
        case .string(let s): self.init(s)
        case .int(let i) where i >= 0: self.init(milliValue: Int64(i) * 1000)
        case .double(let d) where d >= 0: self.init(milliValue: Int64((d * 1000).rounded(.up)))
        default: return nil
        }
    }

    public static let zero = Quantity(milliValue: 0)

    /// The common case without Foundation: plain digits (`"4"`, `"110"`).
    private static func plainInteger(_ text: String) -> Int64? {
        var value: Int64 = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 15 else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            count += 1
        }
        return count == 0 ? nil : value
    }

    /// The value rounded up to a whole unit (bytes, cores).
    public var value: Int64 { (milliValue + 999) / 1000 }

    /// A compact text: `500m`, `2`, or the largest exact binary suffix for large values (`8Gi`).
    public var description: String {
        if milliValue % 1000 != 0 { return "\(milliValue)m" }
        let whole = milliValue / 1000
        for (suffix, factor) in [("Ei", Int64(1) << 60), ("Pi", Int64(1) << 50), ("Ti", Int64(1) << 40),
                                 ("Gi", Int64(1) << 30), ("Mi", Int64(1) << 20), ("Ki", Int64(1) << 10)]
        where whole >= factor && whole % factor == 0 {
            return "\(whole / factor)\(suffix)"
        }
        return "\(whole)"
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milliValue < rhs.milliValue }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milliValue: lhs.milliValue + rhs.milliValue) }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity { Quantity(milliValue: lhs.milliValue - rhs.milliValue) }
}

private func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
}
