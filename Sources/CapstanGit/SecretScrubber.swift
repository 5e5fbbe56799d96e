import Foundation

/// Removes secrets from text that is about to go into an error: the raw URL becomes the redacted one,
/// and every password, token or passphrase becomes `***`.
struct SecretScrubber: Sendable {
    private let url: RemoteURL
    private let secrets: [String]

    init(url: RemoteURL, credentials: GitCredentials) {
        self.url = url
        var secrets = credentials.secrets
        if let userinfo = url.userinfo, let colon = userinfo.firstIndex(of: ":") {
            secrets.append(String(userinfo[userinfo.index(after: colon)...]))
        }
        // Longest first, so a secret containing another is replaced whole.
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    func scrub(_ text: String) -> String {
        var text = text
        if url.raw != url.redacted {
            text = text.replacingOccurrences(of: url.raw, with: url.redacted)
            if let userinfo = url.userinfo {
                text = text.replacingOccurrences(of: userinfo + "@", with: "")
            }
        }
        for secret in secrets {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        return text
    }
}
