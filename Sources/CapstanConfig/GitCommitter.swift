/// `git.committer`: who Capstan's own commits (rollbacks) are made by.
public struct GitCommitter: Sendable, Hashable {
    public var name: String
    public var email: String

    public init(name: String = "Capstan", email: String = "capstan@localhost") {
        self.name = name
        self.email = email
    }
}
