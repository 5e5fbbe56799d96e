import Foundation

/// The entries of an OpenSSH known_hosts file, to decide whether an ssh server's host key is trusted.
///
/// Supports plain and hashed (`|1|salt|hash`) host fields, `*`/`?` wildcards, `!` negation,
/// `[host]:port` for non-standard ports and the `@revoked` marker; `@cert-authority` lines are ignored.
struct KnownHosts: Sendable {
    /// How a host key compares with the file.
    enum Verdict: Equatable, Sendable {
        case trusted
        /// The host is listed, but with other keys.
        case mismatch
        /// The host is not listed at all.
        case unknown
        /// The key is marked `@revoked`.
        case revoked
    }

    private struct Entry: Sendable {
        var revoked: Bool
        var hosts: Substring
        var key: [UInt8]
    }

    private let entries: [Entry]

    init(contents: String) {
        var entries: [Entry] = []
        for line in contents.split(whereSeparator: \.isNewline) {
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var revoked = false
            if first.hasPrefix("@") {
                guard first == "@revoked" else { continue }
                revoked = true
                fields.removeFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: String(fields[2])) else { continue }
            entries.append(Entry(revoked: revoked, hosts: fields[0], key: Array(key)))
        }
        self.entries = entries
    }

    /// The verdict for `key` (the raw ssh wire-format public key blob) presented by `host` on `port`.
    func verdict(host: String, port: Int?, key: [UInt8]) -> Verdict {
        let name = (port == nil || port == 22) ? host : "[\(host)]:\(port!)"
        let matching = entries.filter { Self.matches(hosts: $0.hosts, name: name) }
        if matching.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        let trusted = matching.filter { !$0.revoked }
        if trusted.contains(where: { $0.key == key }) { return .trusted }
        return trusted.isEmpty ? .unknown : .mismatch
    }

    private static func matches(hosts: Substring, name: String) -> Bool {
        if hosts.hasPrefix("|1|") {
            let parts = hosts.split(separator: "|")
            guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
                let hash = Data(base64Encoded: String(parts[2]))
            else { return false }
            return SHA1.hmac(key: Array(salt), message: Array(name.utf8)) == Array(hash)
        }
        var matched = false
        for pattern in hosts.split(separator: ",") {
            if pattern.hasPrefix("!") {
                if wildcard(pattern.dropFirst(), matches: name) { return false }
            } else if wildcard(pattern, matches: name) {
                matched = true
            }
        }
        return matched
    }

    /// Case-insensitive glob with `*` and `?`.
    private static func wildcard(_ pattern: Substring, matches name: String) -> Bool {
        let p = Array(pattern.lowercased().utf8)
        let n = Array(name.lowercased().utf8)
        var (pi, ni) = (0, 0)
        var star: (p: Int, n: Int)? = nil
        while ni < n.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == n[ni] {
                pi += 1
                ni += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = (pi, ni)
                pi += 1
            } else if let last = star {
                pi = last.p + 1
                ni = last.n + 1
                star = (last.p, last.n + 1)
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
