/// How to authenticate to an app's git repository. Paths are absolute. The password never appears in
/// `description`.
public struct RepositoryCredentials: Sendable, Hashable, CustomStringConvertible {
    public var username: String?
    /// Given inline; prefer `passwordFile`.
    public var password: String?
    public var passwordFile: String?
    public var sshKeyFile: String?
    public var knownHostsFile: String?

    public init(
        username: String? = nil, password: String? = nil, passwordFile: String? = nil, sshKeyFile: String? = nil,
        knownHostsFile: String? = nil
    ) {
        self.username = username
        self.password = password
        self.passwordFile = passwordFile
        self.sshKeyFile = sshKeyFile
        self.knownHostsFile = knownHostsFile
    }

    /// The fields that are set, with the password redacted.
    public var description: String {
        var parts: [String] = []
        if let username { parts.append("username: \(username)") }
        if password != nil { parts.append("password: <redacted>") }
        if let passwordFile { parts.append("passwordFile: \(passwordFile)") }
        if let sshKeyFile { parts.append("sshKeyFile: \(sshKeyFile)") }
        if let knownHostsFile { parts.append("knownHostsFile: \(knownHostsFile)") }
        return "RepositoryCredentials(" + parts.joined(separator: ", ") + ")"
    }
}
