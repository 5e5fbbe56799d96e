import Crypto

extension Value {
    /// The SHA-256 of the canonical (sorted-key, compact) JSON, as lowercase hex.
    public func sha256Hex() -> String {
        HexText.lowercase(Array(SHA256.hash(data: jsonBytes())))
    }
}
