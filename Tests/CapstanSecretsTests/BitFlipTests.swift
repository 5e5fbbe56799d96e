import CapstanSecrets
import Foundation
import Testing

/// A flip of any bit of an envelope is detected: never garbage, never the plaintext.
@Suite struct BitFlipTests {
    let ring: KeyRing
    let secret = Canary.value()
    let identity = "cluster_object/Secret/prod/db"
    let text: String
    let header = "capstan:enc:aesgcm:v1:k1:"

    init() throws {
        // `k3` is one bit away from `k1`: a flipped name that exists in the ring must fail authentication.
        let file = try KeyRingFile(keys: [.generate(name: "k1"), .generate(name: "k3")])
        ring = KeyRing(file)
        text = try ring.seal(Array(secret.utf8), identity: identity)
    }

    var payload: [UInt8] { [UInt8](Data(base64Encoded: String(text.dropFirst(header.count)))!) }

    enum PayloadPart: String, CaseIterable {
        case nonce
        case ciphertext
        case tag
    }

    @Test func everyBitOfThePrefixIsChecked() {
        for flipped in flips(of: Array(text.utf8), in: 0..<22) {
            expectCorrupt(flipped)
        }
    }

    @Test func everyBitOfTheKeyNameAndItsSeparatorIsChecked() {
        var unknownNames: Set<String> = []
        var corruptCount = 0
        for flipped in flips(of: Array(text.utf8), in: 22..<25) {
            let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
                _ = try ring.open(flipped, identity: identity)
            }
            switch error {
            case .corrupt(let named, _)?:
                #expect(named == identity)
                corruptCount += 1
            case .unknownKey(let name, let named)?:
                // A flip that turns the name into another valid name not in the ring reads as a missing key.
                #expect(named == identity && !ring.keyNames.contains(name))
                unknownNames.insert(name)
            default:
                Issue.record("expected .corrupt or .unknownKey, got \(String(describing: error))")
            }
        }
        #expect(corruptCount > 0)
        #expect(!unknownNames.isEmpty)
    }

    @Test(arguments: PayloadPart.allCases)
    func everyBitOfTheDecodedPayloadIsChecked(part: PayloadPart) {
        let bytes = payload
        let range: Range<Int>
        switch part {
        case .nonce: range = 0..<12
        case .ciphertext: range = 12..<(bytes.count - 16)
        case .tag: range = (bytes.count - 16)..<bytes.count
        }
        #expect(range.count == (part == .ciphertext ? secret.utf8.count : part == .nonce ? 12 : 16))
        for index in range {
            for bit in 0..<8 {
                var altered = bytes
                altered[index] ^= 1 << bit
                expectCorrupt(header + Data(altered).base64EncodedString())
            }
        }
    }

    @Test func everyBitOfTheBase64TextIsChecked() {
        let utf8 = Array(text.utf8)
        for flipped in flips(of: utf8, in: header.utf8.count..<utf8.count) {
            expectCorrupt(flipped)
        }
    }

    @Test func theUnalteredEnvelopeStillOpens() throws {
        #expect(try ring.open(text, identity: identity) == Array(secret.utf8))
    }

    /// Every single-bit flip of `bytes` inside `range`, as text.
    private func flips(of bytes: [UInt8], in range: Range<Int>) -> [String] {
        var result: [String] = []
        for index in range {
            for bit in 0..<8 {
                var altered = bytes
                altered[index] ^= 1 << bit
                result.append(String(decoding: altered, as: UTF8.self))
            }
        }
        return result
    }

    private func expectCorrupt(_ altered: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = Canary.expectError(SecretsError.self, leaking: [secret], sourceLocation: sourceLocation) {
            _ = try ring.open(altered, identity: identity)
        }
        guard case .corrupt(let named, _)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))", sourceLocation: sourceLocation)
            return
        }
        #expect(named == identity, sourceLocation: sourceLocation)
    }
}
