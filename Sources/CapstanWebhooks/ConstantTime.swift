import Crypto

/// Comparisons of secret-bearing bytes whose time does not depend on the contents, nor on the lengths.
enum ConstantTime {
    /// True when `a` and `b` are equal. Both are hashed with SHA-256 first, so inputs of any length are
    /// compared as two 32-byte digests, every byte of which is always visited.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let left = Array(SHA256.hash(data: a))
        let right = Array(SHA256.hash(data: b))
        var difference: UInt8 = 0
        for index in 0..<left.count { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
