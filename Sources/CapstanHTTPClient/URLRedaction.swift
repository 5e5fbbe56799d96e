/// Removes credentials from URLs before they appear in errors or logs.
enum URLRedaction {
    /// `scheme://user:password@host/path` → `scheme://host/path`; other strings unchanged.
    static func removingUserInfo(from url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        guard let at = url[authorityStart..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + String(url[url.index(after: at)...])
    }
}
