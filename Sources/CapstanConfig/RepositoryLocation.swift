import Foundation

/// Checks and normalizes an app's `repo`: `file://`, `http://`, `https://`, `ssh://`, scp-like
/// `user@host:path`, or a local path (relative to the configuration folder) turned into `file:///abs`.
enum RepositoryLocation {
    struct Problem: Error {
        var message: String
    }

    static let schemes = ["file", "http", "https", "ssh"]

    static func normalize(_ text: String, baseDirectory: String) -> Result<String, Problem> {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            return .failure(Problem(message: "must be a repository URL or path without spaces"))
        }
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            let rest = text[schemeEnd.upperBound...]
            guard schemes.contains(scheme) else {
                let message =
                    "unsupported repository URL scheme \"\(scheme)\" "
                    + "(use file://, http://, https://, ssh:// or git@host:path)"
                return .failure(Problem(message: message))
            }
            if scheme == "file" {
                guard rest.hasPrefix("/") else {
                    let message =
                        "a file:// URL needs an absolute path (file:///path); write a relative path without file://"
                    return .failure(Problem(message: message))
                }
                return .success("file://" + URL(fileURLWithPath: String(rest)).standardizedFileURL.path)
            }
            guard let host = rest.split(separator: "/").first, !host.isEmpty else {
                return .failure(Problem(message: "the \(scheme):// URL has no host"))
            }
            return .success(text)
        }
        if isSCPLike(text) { return .success(text) }
        let absolute = URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true))
        return .success("file://" + absolute.standardizedFileURL.path)
    }

    /// `git@github.com:org/repo.git`: a host (optionally `user@`) then `:` before any `/`.
    private static func isSCPLike(_ text: String) -> Bool {
        guard !text.hasPrefix("/"), !text.hasPrefix("."), let colon = text.firstIndex(of: ":") else { return false }
        let host = text[..<colon]
        return !host.isEmpty && !host.contains("/") && colon != text.index(before: text.endIndex)
    }
}
