import Crypto

extension Value {
    /// The SHA-256 of the canonical (sorted-key, compact) JSON, as lowercase hex.
    public func sha256Hex() -> String {
        SHA256.hash(data: jsonBytes()).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
