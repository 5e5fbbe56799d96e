/// Lowercase hexadecimal text of bytes, without Foundation's `String(format:)` (slow per byte on Linux).
public enum HexText {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func lowercase<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = digits[Int(byte >> 4)]
                buffer[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}
