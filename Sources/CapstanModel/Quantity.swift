/// A Kubernetes resource quantity (`500m`, `2`, `1.5`, `512Mi`, `1G`, `2e3`), held exactly in thousandths.
/// Negative quantities are refused: capacities and requests never are.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value × 1000, rounded up (millicores for cpu, millibytes for memory).
    public var milliValue: Int64

    public init(milliValue: Int64) { self.milliValue = milliValue }

    /// Parses the quantity text; nil when it is not a quantity or does not fit in 64 bits.
    public init?(_ text: String) {
        guard let parts = QuantityText(text), let milli = parts.scaled(decimalShift: 3) else { return nil }
        self.init(milliValue: milli)
    }

    /// Reads a quantity from a manifest value: a string (`"500m"`) or a number (`2`, `0.5`).
    public init?(_ value: Value) {
        switch value {
        case .string(let s): self.init(s)
        case .int(let i) where i >= 0 && i <= Int.max / 1000: self.init(milliValue: Int64(i) * 1000)
        case .double(let d) where d >= 0 && d < 9.2e15: self.init(milliValue: Int64((d * 1000).rounded(.up)))
        default: return nil
        }
    }

    public static let zero = Quantity(milliValue: 0)

    /// The value rounded up to a whole unit (bytes, cores).
    public var value: Int64 { milliValue / 1000 + (milliValue % 1000 == 0 ? 0 : 1) }

    /// A compact text: `500m`, `2`, or the largest exact binary suffix for large values (`8Gi`).
    public var description: String {
        if milliValue % 1000 != 0 { return "\(milliValue)m" }
        let whole = milliValue / 1000
        for (suffix, factor) in [
            ("Ei", Int64(1) << 60), ("Pi", Int64(1) << 50), ("Ti", Int64(1) << 40),
            ("Gi", Int64(1) << 30), ("Mi", Int64(1) << 20), ("Ki", Int64(1) << 10),
        ]
        where whole >= factor && whole % factor == 0 {
            return "\(whole / factor)\(suffix)"
        }
        return "\(whole)"
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milliValue < rhs.milliValue }
    public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(milliValue: lhs.milliValue + rhs.milliValue)
    }
    public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(milliValue: lhs.milliValue - rhs.milliValue)
    }
}
