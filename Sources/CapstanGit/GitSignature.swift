/// Who made a commit: a name and an email, as git records them.
public struct GitSignature: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Why git would refuse this signature, or nil when it is usable.
    var problem: String? {
        for (field, value) in [("name", name), ("email", email)] {
            if value.allSatisfy(\.isWhitespace) { return "the committer \(field) is empty" }
            if value.contains(where: { "<>\n\r\0".contains($0) }) {
                return "the committer \(field) contains '<', '>' or a line break"
            }
        }
        return nil
    }

    /// `Name <email>`, as in `git log`.
    public var description: String { "\(name) <\(email)>" }
}
