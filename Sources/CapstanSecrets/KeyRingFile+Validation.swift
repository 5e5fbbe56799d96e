extension KeyRingFile {
    /// The first problem of these keys, or nil when they form a valid ring. Messages never contain key material.
    static func problem(keys: [EncryptionKey], sealingKeys: [SealingKey]) -> KeyRingProblem? {
        guard !keys.isEmpty else {
            return KeyRingProblem(section: .keys, reason: "the ring has no keys; at least one is needed")
        }
        var names: Set<String> = []
        for (index, key) in keys.enumerated() {
            func problem(_ field: String, _ reason: String) -> KeyRingProblem {
                KeyRingProblem(section: .keys, index: index, field: field, reason: "keys[\(index)]: \(reason)")
            }
            guard KeyName.isValid(key.name) else { return problem("name", KeyName.rule) }
            guard names.insert(key.name).inserted else {
                return problem("name", "duplicate key name '\(key.name)'")
            }
            guard key.secret.bitCount == EncryptionKey.byteCount * 8 else {
                return problem(
                    "secret", "key '\(key.name)' is \(key.secret.bitCount / 8) bytes; keys are 32 bytes (256 bits)")
            }
            guard !key.isAllZero else {
                return problem("secret", "key '\(key.name)' is all zeros; generate keys with `capstan keys add`")
            }
            if let twin = keys[..<index].first(where: { $0.secret == key.secret }) {
                return problem("secret", "key '\(key.name)' has the same secret as key '\(twin.name)'")
            }
        }
        var ids: Set<String> = []
        for (index, key) in sealingKeys.enumerated() {
            func problem(_ reason: String) -> KeyRingProblem {
                KeyRingProblem(
                    section: .sealingKeys, index: index, field: "secret", reason: "sealingKeys[\(index)]: \(reason)")
            }
            guard !key.isAllZero else { return problem("the sealing key is all zeros") }
            guard ids.insert(key.keyID).inserted else { return problem("duplicate sealing key \(key.keyID)") }
        }
        return nil
    }
}
