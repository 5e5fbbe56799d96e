/// The identity of a git repository regardless of how its URL is written, so a webhook payload's URLs can be
/// matched with the repository an app watches.
public enum RepositoryURL {
    /// A scheme-insensitive key: `https://Host/owner/repo.git`, `ssh://git@host/owner/repo` and
    /// `git@host:owner/repo` all give `host/owner/repo`. Scheme and host are lower-cased; user-info, default
    /// ports, query, fragment, trailing `/` and `.git` are dropped; the path keeps its case. A non-default
    /// port stays (`host:2222/owner/repo`). `file://` URLs and plain paths give the path itself (trailing `/`
    /// dropped, `.git` kept: it is part of the directory name).
    public static func normalized(_ url: String) -> String {
        let text = url.trimmingSpaces
        if text.isEmpty { return "" }
        if let (scheme, rest) = splitScheme(text) {
            if scheme == "file" { return fileKey(rest) }
            return networkKey(scheme: scheme, rest)
        }
        if let (host, path) = splitSCP(text) { return key(host: host.lowercased(), path: path) }
        return localPath(text)
    }

    /// `scheme` (lower-cased) and what follows `://`, when `text` starts with a URL scheme.
    private static func splitScheme(_ text: Substring) -> (String, Substring)? {
        guard let separator = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return (scheme.lowercased(), text[separator.upperBound...])
    }

    /// `[user@]host:path` as git understands it: no `/` before the first `:`.
    private static func splitSCP(_ text: Substring) -> (Substring, Substring)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let authority = text[..<colon]
        guard !authority.contains("/") else { return nil }
        let host = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        guard !host.isEmpty else { return nil }
        return (host, text[text.index(after: colon)...])
    }

    private static func networkKey(scheme: String, _ rest: Substring) -> String {
        let withoutQuery = rest.prefix { $0 != "?" && $0 != "#" }
        let slash = withoutQuery.firstIndex(of: "/") ?? withoutQuery.endIndex
        var authority = withoutQuery[..<slash]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port: Substring = ""
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        var hostKey = host.lowercased()
        if !port.isEmpty, port != defaultPort(scheme) { hostKey += ":" + port }
        return key(host: hostKey, path: withoutQuery[slash...])
    }

    private static func defaultPort(_ scheme: String) -> Substring? {
        switch scheme {
        case "http": return "80"
        case "https": return "443"
        case "ssh", "git+ssh", "ssh+git": return "22"
        case "git": return "9418"
        default: return nil
        }
    }

    /// `host/path` with the path's leading and trailing `/` and a `.git` suffix removed.
    private static func key(host: String, path: Substring) -> String {
        var path = Substring(percentDecoded(path))
        while path.hasPrefix("/") { path = path.dropFirst() }
        while path.hasSuffix("/") { path = path.dropLast() }
        if path.hasSuffix(".git") { path = path.dropLast(4) }
        while path.hasSuffix("/") { path = path.dropLast() }
        return path.isEmpty ? host : host + "/" + path
    }

    /// `file:///path` and `file://localhost/path` → `/path`.
    private static func fileKey(_ rest: Substring) -> String {
        let path = rest.prefix { $0 != "?" && $0 != "#" }
        guard !path.hasPrefix("/") else { return localPath(Substring(percentDecoded(path))) }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let host = path[..<slash].lowercased()
        let absolute = host == "localhost" ? String(path[slash...]) : "//" + host + path[slash...]
        return localPath(Substring(percentDecoded(Substring(absolute))))
    }

    private static func localPath(_ path: Substring) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }

    /// `%XX` escapes decoded; malformed escapes are kept as written.
    private static func percentDecoded(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let byte = HexBytes.decode(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self))
            {
                decoded += byte
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }
}
