import CapstanHTTPClient
import CapstanTestSupport
import Foundation

/// Signs test deliveries the way each provider does, with `openssl dgst` (not Capstan's own HMAC code).
enum WebhookSigner {
    /// The headers a provider sends with a push (or `event`): its event name, signature and delivery id.
    static func headers(
        _ provider: WebhookSender, body: String, event: String? = nil, delivery: String? = nil,
        secret: String? = nil
    ) throws -> [HTTPHeader] {
        let secret = secret ?? WebhookHarness.secrets[provider]!
        var headers: [HTTPHeader] = []
        switch provider {
        case .github:
            headers.append(HTTPHeader("X-GitHub-Event", event ?? "push"))
            headers.append(HTTPHeader("X-Hub-Signature-256", "sha256=" + (try hmac(secret, body))))
            if let delivery { headers.append(HTTPHeader("X-GitHub-Delivery", delivery)) }
        case .gitlab:
            headers.append(HTTPHeader("X-Gitlab-Event", event ?? "Push Hook"))
            headers.append(HTTPHeader("X-Gitlab-Token", secret))
            if let delivery { headers.append(HTTPHeader("X-Gitlab-Event-UUID", delivery)) }
        case .gitea:
            headers.append(HTTPHeader("X-Gitea-Event", event ?? "push"))
            headers.append(HTTPHeader("X-Gitea-Signature", try hmac(secret, body)))
            if let delivery { headers.append(HTTPHeader("X-Gitea-Delivery", delivery)) }
        case .generic:
            headers.append(HTTPHeader("X-Signature", "sha256=" + (try hmac(secret, body))))
            if let delivery { headers.append(HTTPHeader("X-Delivery-ID", delivery)) }
        }
        return headers
    }

    /// Hex HMAC-SHA256 of `body` with `secret`, computed by `openssl dgst -sha256 -hmac`.
    static func hmac(_ secret: String, _ body: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "dgst", "-sha256", "-hmac", secret]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(body.utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let digest = text.split(separator: " ").last else {
            throw FixtureError("openssl dgst failed: \(text)")
        }
        return digest.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
