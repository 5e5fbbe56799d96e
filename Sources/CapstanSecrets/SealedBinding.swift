import Crypto

/// What a sealed value is bound to: scope, namespace, name (strict scope only) and data key.
struct SealedBinding: Sendable, Hashable {
    var scope: SealingScope
    var namespace: String
    /// Empty for namespace scope.
    var name: String

    init(scope: SealingScope, namespace: String, name: String) {
        self.scope = scope
        self.namespace = namespace
        self.name = scope == .strict ? name : ""
    }

    /// 8 bytes in the clear that say where a value was sealed for, so a moved SealedSecret is told apart from
    /// a tampered one. Only a diagnostic: security comes from the authenticated data.
    var tag: [UInt8] {
        Array(SHA256.hash(data: Self.fields(["capstan-sealed-binding-v1", scope.rawValue, namespace, name])).prefix(8))
    }

    /// The additional authenticated data of one value: the header bytes, then the binding and the data key.
    func authenticatedData(header: [UInt8], dataKey: String) -> [UInt8] {
        header + Self.fields(["capstan.io/v1 SealedSecret", scope.rawValue, namespace, name, dataKey])
    }

    /// Each field as a 4-byte big-endian length and its UTF-8 bytes: no two field lists give the same bytes.
    static func fields(_ fields: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in fields {
            let utf8 = Array(field.utf8)
            let count = UInt32(utf8.count)
            bytes += [UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)]
            bytes += utf8
        }
        return bytes
    }
}
