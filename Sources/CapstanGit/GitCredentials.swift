/// How to authenticate to the remote: nothing, a username with a password or token (https), or an ssh key.
public struct GitCredentials: Sendable, Hashable, CustomStringConvertible {
    enum Storage: Sendable, Hashable {
        case none
        case password(username: String, password: String)
        case sshKey(SSHKey)
    }

    /// An ssh private key file and how to trust the server.
    struct SSHKey: Sendable, Hashable {
        var username: String?
        var privateKeyFile: String
        var publicKeyFile: String?
        var passphrase: String?
        var knownHostsFile: String?
    }

    let storage: Storage

    /// No credentials: public repositories and `file://` URLs.
    public static let none = GitCredentials(storage: .none)

    /// A username and a password or access token, sent with https basic authentication.
    public static func password(username: String, password: String) -> GitCredentials {
        GitCredentials(storage: .password(username: username, password: password))
    }

    /// An access token; most forges accept any non-empty username alongside it.
    public static func token(_ token: String, username: String = "x-access-token") -> GitCredentials {
        .password(username: username, password: token)
    }

    /// An ssh private key file (OpenSSH or PEM format).
    ///
    /// - Parameters:
    ///   - username: the ssh user; defaults to the one in the URL, else `git`.
    ///   - knownHostsFile: when set, the server's host key must be listed in it or the connection is refused;
    ///     when nil, libgit2's default check against `~/.ssh/known_hosts` applies.
    public static func sshKey(
        privateKeyFile: String, publicKeyFile: String? = nil, passphrase: String? = nil,
        knownHostsFile: String? = nil, username: String? = nil
    ) -> GitCredentials {
        GitCredentials(
            storage: .sshKey(
                SSHKey(
                    username: username, privateKeyFile: privateKeyFile, publicKeyFile: publicKeyFile,
                    passphrase: passphrase, knownHostsFile: knownHostsFile)))
    }

    /// The secret strings that must never appear in an error or a log line.
    var secrets: [String] {
        switch storage {
        case .none: []
        case .password(_, let password): [password]
        case .sshKey(let key): key.passphrase.map { [$0] } ?? []
        }
    }

    /// Says which kind of credentials these are, never their secret parts.
    public var description: String {
        switch storage {
        case .none: "no credentials"
        case .password(let username, _): "password for \(username)"
        case .sshKey(let key): "ssh key \(key.privateKeyFile)"
        }
    }
}
