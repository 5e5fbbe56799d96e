/// What to tell the operator when a key has done 2^32 encryptions or more (`KeyRing.needsRotation`): which key,
/// how many, and the commands that retire it. Names and counts only, never key material.
public enum KeyRotationAdvice {
    /// The warning for key `name` after `encryptions` encryptions; `isPrimary` when it still encrypts new records.
    /// `configPath` goes into the commands (`FILE` when unknown).
    public static func warning(
        key name: String, encryptions: UInt64, isPrimary: Bool, configPath: String = "FILE"
    ) -> String {
        let config = "--config \(configPath)"
        let limit =
            "key \(name) has done \(encryptions) encryptions, at or above the limit of 2^32 "
            + "(\(KeyRing.rotationThreshold)) for random 96-bit nonces (NIST SP 800-38D)"
        let retire =
            "stop the service, `capstan keys rewrap \(config)`, `capstan keys remove \(name) \(config)`, "
            + "start the service again"
        guard isPrimary else { return "\(limit) and no longer encrypts: \(retire)" }
        return "\(limit): rotate it: `capstan keys add NEW \(config)`, \(retire)"
    }
}
