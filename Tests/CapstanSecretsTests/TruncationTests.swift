import CapstanSecrets
import Foundation
import Testing

@Suite struct TruncationTests {
    let ring: KeyRing
    let secret = Canary.value()
    let text: String

    init() throws {
        ring = KeyRing(try KeyRingFile.random())
        text = try ring.seal(Array(secret.utf8), identity: "t/k")
    }

    @Test func everyPrefixOfTheTextIsCorrupt() {
        for length in 0..<text.utf8.count {
            let cut = String(decoding: Array(text.utf8)[..<length], as: UTF8.self)
            let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
                _ = try ring.open(cut, identity: "t/k")
            }
            guard case .corrupt? = error else {
                Issue.record("length \(length): expected .corrupt, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func everyShorterOrLongerPayloadIsCorrupt() throws {
        let header = "capstan:enc:aesgcm:v1:k1:"
        let payload = [UInt8](try #require(Data(base64Encoded: String(text.dropFirst(header.count)))))
        var variants = (0..<payload.count).map { Array(payload[..<$0]) }
        variants += (1..<payload.count).map { Array(payload[$0...]) }
        variants.append(payload + [0])
        for variant in variants {
            let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
                _ = try ring.open(header + Data(variant).base64EncodedString(), identity: "t/k")
            }
            guard case .corrupt? = error else {
                Issue.record("\(variant.count) bytes: expected .corrupt, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func aPayloadShorterThanNonceAndTagSaysTruncated() {
        let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
            _ = try ring.open("capstan:enc:aesgcm:v1:k1:" + Data(count: 27).base64EncodedString(), identity: "t/k")
        }
        #expect(error?.description.contains("truncated: 27 bytes, at least 28 needed") == true)
    }
}
