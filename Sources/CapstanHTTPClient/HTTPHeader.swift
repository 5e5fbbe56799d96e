/// One HTTP header field, as sent or received.
///
/// Deliberately not `CustomStringConvertible`: values such as `Authorization` or an HMAC
/// signature are secrets and must not end up in logs by accident.
public struct HTTPHeader: Hashable, Sendable {
    /// The field name; lookups compare it case-insensitively.
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public init(name: String, value: String) {
        self.init(name, value)
    }

    /// True when `name` matches this field's name, ignoring ASCII case.
    public func hasName(_ name: String) -> Bool {
        self.name.utf8.count == name.utf8.count && self.name.lowercased() == name.lowercased()
    }
}

extension Array where Element == HTTPHeader {
    /// The value of the first field called `name` (case-insensitive), or nil.
    public func value(named name: String) -> String? {
        first { $0.hasName(name) }?.value
    }

    /// The values of every field called `name` (case-insensitive), in order.
    public func values(named name: String) -> [String] {
        filter { $0.hasName(name) }.map(\.value)
    }
}
