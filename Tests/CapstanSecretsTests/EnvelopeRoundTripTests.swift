import CapstanSecrets
import Foundation
import Testing

@Suite struct EnvelopeRoundTripTests {
    let ring: KeyRing

    init() throws { ring = KeyRing(try KeyRingFile.random(keyName: "k1")) }

    @Test(arguments: [0, 1, 15, 16, 17, 1000, 65536])
    func roundTripsPlaintextOfEveryLength(length: Int) throws {
        let plaintext = (0..<length).map { _ in UInt8.random(in: 0...255) }
        let text = try ring.seal(plaintext, identity: "cluster_object/Secret/prod/db")
        #expect(try ring.open(text, identity: "cluster_object/Secret/prod/db") == plaintext)
    }

    @Test func envelopeHasThePrefixKeyNameAndBase64OfNonceCiphertextTag() throws {
        let secret = Canary.value()
        let text = try ring.seal(Array(secret.utf8), identity: "table/key")
        #expect(text.hasPrefix("capstan:enc:aesgcm:v1:k1:"))
        #expect(Envelope.isEncrypted(text))
        #expect(Envelope.keyName(of: text) == "k1")
        let payload = try #require(Data(base64Encoded: String(text.dropFirst("capstan:enc:aesgcm:v1:k1:".count))))
        #expect(payload.count == 12 + secret.utf8.count + 16)
        #expect(!text.contains(secret))
    }

    @Test func sameSecretTwiceGivesDifferentEnvelopes() throws {
        let plaintext = Array(Canary.value().utf8)
        let first = try ring.seal(plaintext, identity: "t/k")
        let second = try ring.seal(plaintext, identity: "t/k")
        #expect(first != second)
    }

    @Test(arguments: [
        "plain text", "", "capstan:enc:aesgcm:v1:", "capstan:enc:aesgcm:v1:k1", "capstan:enc:aesgcm:v2:k1:AA==",
    ])
    func keyNameIsNilForTextsThatAreNoEnvelope(text: String) {
        #expect(Envelope.keyName(of: text) == nil)
    }
}
