import CapstanHTTPClient
import CapstanModel
import Crypto

/// Builds the POST for one event and provider: body, `Content-Type`, `X-Capstan-Event-ID` and, for
/// `generic-hmac`, `X-Signature: sha256=<hex HMAC-SHA256 of the body>` (Flux's convention).
enum DeliveryRequest {
    static let eventIDHeader = "X-Capstan-Event-ID"
    static let signatureHeader = "X-Signature"

    static func make(
        _ event: AppEvent, for provider: NotificationProvider, connectTimeout: Duration, timeout: Duration
    ) -> HTTPRequest {
        let body = EventBody.body(event, for: provider.kind)
        var headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader(eventIDHeader, event.id),
        ]
        if provider.kind == .genericHMAC, let secret = provider.secret {
            headers.append(HTTPHeader(signatureHeader, "sha256=" + signature(of: body, secret: secret)))
        }
        return HTTPRequest(
            method: "POST", url: provider.url, headers: headers, body: body, timeout: timeout,
            connectTimeout: connectTimeout)
    }

    /// Lower-case hex HMAC-SHA256 of `body` keyed with `secret`.
    static func signature(of body: [UInt8], secret: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret))
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
