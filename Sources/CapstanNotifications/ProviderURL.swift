/// Hides the credentials a provider URL may carry: user-info, a token in the path (Slack's
/// `/services/T…/B…/secret`) or in the query.
enum ProviderURL {
    /// A URL cut into `scheme://`, optional `user:password`, `host[:port]` and the rest (path, query).
    struct Parts {
        var scheme: Substring
        var userInfo: Substring?
        var authority: Substring
        var tail: Substring
    }

    /// The parts of `url`, or nil when it has no `://`.
    static func parts(of url: String) -> Parts? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let afterScheme = url[schemeEnd.upperBound...]
        let end = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let whole = afterScheme[..<end]
        let tail = afterScheme[end...]
        guard let at = whole.lastIndex(of: "@") else {
            return Parts(scheme: url[..<schemeEnd.upperBound], userInfo: nil, authority: whole, tail: tail)
        }
        return Parts(
            scheme: url[..<schemeEnd.upperBound], userInfo: whole[..<at], authority: whole[whole.index(after: at)...],
            tail: tail)
    }

    /// `scheme://host[:port]`, followed by `/…` when a path or query followed; `<invalid URL>` without a
    /// scheme.
    static func redacted(_ url: String) -> String {
        guard let parts = parts(of: url) else { return "<invalid URL>" }
        let tail = parts.tail.isEmpty || parts.tail == "/" ? String(parts.tail) : "/…"
        return String(parts.scheme) + String(parts.authority) + tail
    }

    /// `text` with the URL, its path and query and its user-info replaced (for messages that come from
    /// libcurl or a receiver's response).
    static func scrub(_ text: String, url: String) -> String {
        guard let parts = parts(of: url) else { return text }
        var result = text.replacingOccurrences(of: url, with: redacted(url))
        if parts.tail.count > 1 { result = result.replacingOccurrences(of: String(parts.tail), with: "/…") }
        if let userInfo = parts.userInfo, !userInfo.isEmpty {
            result = result.replacingOccurrences(of: String(userInfo), with: "…")
        }
        return result
    }
}
