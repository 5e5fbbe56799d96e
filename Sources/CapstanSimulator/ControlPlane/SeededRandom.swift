/// A deterministic random generator (SplitMix64), so simulated names and choices repeat exactly in tests.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Kubernetes' alphabet for generated name suffixes (no vowels, no look-alike digits).
    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// A random suffix like `x7k2p`.
    mutating func nameSuffix(length: Int = 5) -> String {
        String((0..<length).map { _ in Self.alphabet[Int(next() % UInt64(Self.alphabet.count))] })
    }

    /// A random UUID-shaped uid.
    mutating func uid() -> String {
        let hex = Array("0123456789abcdef")
        var digits = (0..<32).map { _ in hex[Int(next() & 0xF)] }
        digits[12] = "4"
        let text = String(digits)
        let parts = [
            text.prefix(8), text.dropFirst(8).prefix(4), text.dropFirst(12).prefix(4),
            text.dropFirst(16).prefix(4), text.dropFirst(20),
        ]
        return parts.joined(separator: "-")
    }
}
