import CapstanModel

/// The key ring is the state store's record cipher.
extension KeyRing: RecordCipher {
    public var decryptingKeyNames: Set<String> { Set(keyNames) }

    public func keyName(of text: String) -> String? { Envelope.keyName(of: text) }
}
