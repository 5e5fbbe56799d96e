import Crypto

extension Value {
    /// The SHA-256 of the canonical (sorted-key, compact) JSON, as lowercase hex.
    public func sha256Hex() -> String {
        HexText.lowercase(Array(SHA256.hash(data: jsonBytes())))
    }

    /// HMAC-SHA256 of the canonical JSON under `key`, as lowercase hex: a digest of secret data that only the key's
    /// holder can compute, so it cannot be used to test guesses of a value.
    public func hmacSHA256Hex(key: [UInt8]) -> String {
        HexText.lowercase(Array(HMAC<SHA256>.authenticationCode(for: jsonBytes(), using: SymmetricKey(data: key))))
    }
}
