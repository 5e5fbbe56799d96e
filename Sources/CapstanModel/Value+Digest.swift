import Crypto

extension Value {
    /// The SHA-256 of the canonical (sorted-key, compact) JSON, as lowercase hex.
    public func sha256Hex() -> String {
        let digest = SHA256.hash(data: jsonBytes())
        return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = Self.digestHexDigits[Int(byte >> 4)]
                buffer[index + 1] = Self.digestHexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    private static let digestHexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
