/// The header fields of one delivery, looked up by name regardless of case; the first of repeated fields wins.
public struct WebhookHeaders: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var fields: [String: String] = [:]

    public init<Fields: Sequence>(_ fields: Fields) where Fields.Element == (String, String) {
        for (name, value) in fields where self.fields[name.lowercased()] == nil {
            self.fields[name.lowercased()] = value
        }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The value of the field called `name`, trimmed of surrounding spaces and tabs; nil when absent.
    public subscript(name: String) -> String? {
        fields[name.lowercased()].map { String($0.trimmingSpaces) }
    }

    /// The value of the first of `names` that is present.
    func first(of names: [String]) -> (name: String, value: String)? {
        for name in names {
            if let value = self[name] { return (name, value) }
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !isSpace($0) }),
            let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[first...last]
    }
}
