import Crypto

/// Checks that a delivery comes from the configured sender, over the raw body bytes, before anything in it
/// is read. Every comparison runs in constant time.
public enum WebhookVerifier {
    /// Nil when the delivery is authentic; otherwise a 401 saying what is wrong (never the secret or the
    /// expected signature).
    public static func verify(
        _ provider: WebhookProvider, secret: [UInt8], headers: WebhookHeaders, body: [UInt8]
    ) -> WebhookRejection? {
        guard let (name, value) = headers.first(of: provider.signatureHeaders) else {
            return .unauthorized("missing \(provider.signatureHeader) header")
        }
        switch provider {
        case .gitlab:
            guard ConstantTime.equal(Array(value.utf8), secret) else {
                return .unauthorized("\(name) does not match the configured secret")
            }
            return nil
        case .github, .generic:
            return verifyHMAC(value, header: name, prefixRequired: true, secret: secret, body: body)
        case .gitea:
            return verifyHMAC(value, header: name, prefixRequired: false, secret: secret, body: body)
        }
    }

    /// `hex(HMAC-SHA256(secret, body))`, what GitHub, Gitea and generic senders sign with.
    public static func signature(secret: [UInt8], body: [UInt8]) -> String {
        HexBytes.encode(mac(secret: secret, body: body))
    }

    private static func verifyHMAC(
        _ value: String, header: String, prefixRequired: Bool, secret: [UInt8], body: [UInt8]
    ) -> WebhookRejection? {
        var digits = Substring(value)
        if digits.lowercased().hasPrefix("sha256=") {
            digits = digits.dropFirst("sha256=".count)
        } else if prefixRequired {
            return .unauthorized("\(header) must have the form sha256=<64 hex digits>")
        }
        guard let received = HexBytes.decode(digits), received.count == SHA256.byteCount else {
            let form = prefixRequired ? "sha256=<64 hex digits>" : "64 hex digits"
            return .unauthorized("\(header) must have the form \(form)")
        }
        guard ConstantTime.equal(received, mac(secret: secret, body: body)) else {
            return .unauthorized(
                "\(header) does not match the body (check the secret and that the content type is application/json)")
        }
        return nil
    }

    private static func mac(secret: [UInt8], body: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret)))
    }
}
