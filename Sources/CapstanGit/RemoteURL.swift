/// A remote URL taken apart just enough to redact it and to know which ssh host and port it names.
///
/// Understands `scheme://[userinfo@]host[:port]/path` and scp-like `[user@]host:path`.
struct RemoteURL: Sendable, Hashable {
    /// The URL exactly as configured (may contain a password: never show it).
    let raw: String
    /// The URL with its userinfo removed, safe for errors and logs.
    let redacted: String
    /// The userinfo (`user` or `user:password`) if the URL has one.
    let userinfo: String?
    let scheme: String?
    let host: String?
    let port: Int?

    init(_ raw: String) {
        self.raw = raw
        if let schemeEnd = raw.range(of: "://") {
            let scheme = String(raw[..<schemeEnd.lowerBound])
            let rest = raw[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            var hostPort = authority
            if let at = authority.lastIndex(of: "@") {
                userinfo = String(authority[..<at])
                hostPort = authority[authority.index(after: at)...]
            } else {
                userinfo = nil
            }
            self.scheme = scheme
            (host, port) = Self.split(hostPort: hostPort)
            redacted = scheme + "://" + hostPort + rest[authorityEnd...]
        } else if let colon = raw.firstIndex(of: ":"), !raw[..<colon].contains("/") {
            // scp-like: user@host:path. The user part is never a password.
            let authority = raw[..<colon]
            let at = authority.lastIndex(of: "@")
            userinfo = at.map { String(authority[..<$0]) }
            scheme = "ssh"
            host = String(at.map { authority[authority.index(after: $0)...] } ?? authority)
            port = nil
            redacted = raw
        } else {
            userinfo = nil
            scheme = nil
            host = nil
            port = nil
            redacted = raw
        }
    }

    /// The user named in the URL, if any.
    var username: String? {
        guard let userinfo else { return nil }
        return String(userinfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    private static func split(hostPort: Substring) -> (String?, Int?) {
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            let host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            return (host, after.hasPrefix(":") ? Int(after.dropFirst()) : nil)
        }
        if let colon = hostPort.lastIndex(of: ":") {
            return (String(hostPort[..<colon]), Int(hostPort[hostPort.index(after: colon)...]))
        }
        return (hostPort.isEmpty ? nil : String(hostPort), nil)
    }
}
