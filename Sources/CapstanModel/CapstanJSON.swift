import Foundation

/// The one JSON convention for API bodies and stored records: sorted keys, RFC 3339 times with milliseconds.
public enum CapstanJSON {
    /// A new encoder (encoders are cheap; one per use keeps them free of shared state).
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatTimestamp(date))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid RFC 3339 time \(text)")
            }
            return date
        }
        return decoder
    }

    /// `2026-11-21T16:41:05.123Z`: always UTC, always three fraction digits, rounded to the millisecond,
    /// so a time read back and written again gives the same text.
    public static func formatTimestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = milliseconds.quotientFloor(1000)
        let fraction = milliseconds - seconds * 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(Date.ISO8601FormatStyle())
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// Parses RFC 3339 times with or without fractional seconds (the fraction is kept to the millisecond).
    public static func parseTimestamp(_ text: String) -> Date? {
        guard let dot = text.firstIndex(of: "."),
            let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" })
        else { return try? Date.ISO8601FormatStyle().parse(text) }
        guard let whole = try? Date.ISO8601FormatStyle().parse(String(text[..<dot] + text[zone...])) else { return nil }
        let fractionDigits = text[text.index(after: dot)..<zone]
        guard !fractionDigits.isEmpty, fractionDigits.allSatisfy(\.isASCII),
            let fraction = Double("0." + fractionDigits)
        else { return nil }
        let milliseconds = (fraction * 1000).rounded()
        return Date(timeIntervalSince1970: whole.timeIntervalSince1970 + milliseconds / 1000)
    }

    /// Encodes a value with the shared convention.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        try encoder(pretty: pretty).encode(value)
    }

    /// Decodes a value with the shared convention.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func quotientFloor(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
