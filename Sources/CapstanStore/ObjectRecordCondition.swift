/// What the state store finds in the stored record of one cluster object.
public enum ObjectRecordCondition: Sendable, Equatable {
    /// There is no record of that object.
    case missing
    /// The record reads back as an object (plain JSON, or decrypted and valid JSON).
    case readable
    /// The record is encrypted with a key the ring lacks: the record may be fine, the key must be restored.
    case unknownKey(String)
    /// The record is encrypted, but the store was opened without a key ring.
    case noKeyRing
    /// The record fails authentication, is neither JSON nor an encrypted record, or is not valid JSON.
    case corrupt(reason: String)
    /// The record fails authentication, and so does every other record under the same key name: the ring's key of
    /// that name is most likely not the key that encrypted them (a wrong key file), not a damaged record.
    case wrongKey(String)
}
