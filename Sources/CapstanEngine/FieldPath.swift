import CapstanModel

/// A position inside a resource while diffing: object keys and array indices from the root.
struct FieldPath: Sendable, Hashable {
    /// One step of a path.
    enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    mutating func append(_ component: Component) { components.append(component) }
    mutating func removeLast() { components.removeLast() }

    /// The first key of the path (`data` in `data.password`), if it starts with a key.
    var root: String? {
        guard case .key(let key)? = components.first else { return nil }
        return key
    }

    /// The key `offset` steps from the end (0 = last), nil when that step is an index or absent.
    func key(fromEnd offset: Int) -> String? {
        let position = components.count - 1 - offset
        guard position >= 0, case .key(let key) = components[position] else { return nil }
        return key
    }

    /// True when the step `offset` from the end is an array index.
    func isIndex(fromEnd offset: Int) -> Bool {
        let position = components.count - 1 - offset
        guard position >= 0, case .index = components[position] else { return false }
        return true
    }
}

extension FieldPath: CustomStringConvertible {
    /// `spec.containers[0].image`; keys that are not plain words are quoted: `labels["app.kubernetes.io/name"]`.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlain(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\(Value.string(key).jsonString())]"
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }
}
