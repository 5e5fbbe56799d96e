import CapstanModel
import CapstanNotifications
import Foundation
import Testing

/// `generic-hmac`: the generic body plus `X-Signature: sha256=<hex>`, checked by Python's `hmac` in the
/// receiver and by `openssl dgst`, never by Capstan's own code.
@Suite struct HMACSignatureTests {
    static let secret = "It's a Secret to Everybody"

    @Test func signatureMatchesPythonAndOpenSSL() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver(secret: Self.secret)
            let notifier = try harness.notifier([
                try TestEvents.provider("signed", .genericHMAC, url: receiver.baseURL + "/flux", secret: Self.secret)
            ])
            let running = harness.start(notifier)
            await notifier.publish(TestEvents.event(.rollbackPerformed, id: "evt-hmac", message: "rolled back ü → ✓"))
            let requests = await receiver.waitForRequests(1)
            await running.stop()
            let request = try #require(requests.first)
            #expect(request.signatureValid == true)
            let bodyFile = harness.directory.appendingPathComponent("body.bin")
            try Data(request.body).write(to: bodyFile)
            let openssl = try await Self.opensslHMAC(file: bodyFile, key: Self.secret)
            #expect(request.headers["x-signature"] == "sha256=" + openssl)
            #expect(request.jsonObject()?["id"] as? String == "evt-hmac")
            #expect(request.eventID == "evt-hmac")
        }
    }

    @Test func receiverWithAnotherSecretRejectsTheSignature() async throws {
        try await NotifierHarness.withHarness { harness in
            let receiver = try await harness.receiver(secret: "not the same secret")
            let notifier = try harness.notifier([
                try TestEvents.provider("signed", .genericHMAC, url: receiver.baseURL, secret: Self.secret)
            ])
            let running = harness.start(notifier)
            await notifier.publish(TestEvents.event(id: "evt-wrong"))
            let requests = await receiver.waitForRequests(1)
            await running.stop()
            #expect(requests.first?.signatureValid == false)
        }
    }

    /// `openssl dgst -sha256 -hmac KEY -r FILE` → lower-case hex.
    static func opensslHMAC(file: URL, key: String) async throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "dgst", "-sha256", "-hmac", key, "-r", file.path]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        for _ in 0..<500 where process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        let text = String(decoding: data, as: UTF8.self)
        return String(text.prefix { !$0.isWhitespace })
    }
}
