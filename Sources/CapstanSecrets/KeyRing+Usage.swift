extension KeyRing {
    /// Encryptions with one key after which it must be rotated: 2^32 random 96-bit nonces (NIST SP 800-38D, 8.3).
    public static let rotationThreshold: UInt64 = 1 << 32

    /// True when a key has done `encryptions` encryptions or more and must be replaced.
    public static func needsRotation(encryptions: UInt64) -> Bool {
        encryptions >= rotationThreshold
    }

    /// How many encryptions the key named `name` has done (persisted counts plus this process's).
    public func encryptions(of name: String) -> UInt64 {
        counts.withLock { $0[name] ?? 0 }
    }

    /// Encryptions per key name, for the caller to persist.
    public var encryptionCounts: [String: UInt64] {
        counts.withLock { $0 }
    }

    /// Names of the keys at or above the rotation threshold, primary first.
    public var keysNeedingRotation: [String] {
        let snapshot = encryptionCounts
        return keyNames.filter { Self.needsRotation(encryptions: snapshot[$0] ?? 0) }
    }
}
