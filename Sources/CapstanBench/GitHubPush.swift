import CapstanHTTPClient
import CapstanModel
import Crypto
import Foundation

/// A GitHub `push` delivery for branch `main`, its body signed as GitHub signs it
/// (`X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`).
struct GitHubPush: Sendable {
    let body: [UInt8]
    let signature: String

    /// A push of `main` to `repository` whose head is now `after`, signed with `secret`.
    init(repository: String, after: String, before: String? = nil, secret: String) {
        let zero = String(repeating: "0", count: 40)
        let text = """
            {"ref":"refs/heads/main","before":"\(before ?? zero)","after":"\(after)","created":false,\
            "deleted":false,"forced":false,"compare":"","commits":[],\
            "repository":{"id":1,"name":"web","full_name":"bench/web","private":true,\
            "html_url":"https://github.com/bench/web","clone_url":"\(repository)",\
            "ssh_url":"git@github.com:bench/web.git","default_branch":"main"},\
            "pusher":{"name":"bench","email":"bench@example.com"},"sender":{"login":"bench"}}
            """
        body = Array(text.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        signature = "sha256=" + HexText.lowercase(Array(mac))
    }

    /// The POST GitHub would send to `url`, with delivery id `delivery`.
    func request(url: String, delivery: String, timeout: Duration = .seconds(10)) -> HTTPRequest {
        HTTPRequest(
            method: "POST", url: url,
            headers: [
                HTTPHeader("Content-Type", "application/json"), HTTPHeader("X-GitHub-Event", "push"),
                HTTPHeader("X-GitHub-Delivery", delivery), HTTPHeader("X-Hub-Signature-256", signature),
                HTTPHeader("User-Agent", "GitHub-Hookshot/bench"),
            ],
            body: body, timeout: timeout)
    }
}
