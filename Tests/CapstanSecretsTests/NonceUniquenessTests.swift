import CapstanSecrets
import Foundation
import Testing

@Suite struct NonceUniquenessTests {
    @Test func noNonceRepeatsAcross100000Encryptions() throws {
        let ring = KeyRing(try KeyRingFile.random())
        let prefix = "capstan:enc:aesgcm:v1:k1:"
        var nonces: Set<[UInt8]> = []
        nonces.reserveCapacity(100_000)
        for index in 0..<100_000 {
            let text = try ring.seal([UInt8(index & 0xFF)], identity: "t/k")
            let payload = try #require(Data(base64Encoded: String(text.dropFirst(prefix.count))))
            nonces.insert(Array(payload.prefix(12)))
        }
        #expect(nonces.count == 100_000)
        #expect(!nonces.contains([UInt8](repeating: 0, count: 12)))
        #expect(ring.encryptions(of: "k1") == 100_000)
    }

    @Test func generatedKeysAreNotAllZeroAndDiffer() throws {
        var seen: Set<[UInt8]> = []
        for _ in 0..<100 {
            let file = try KeyRingFile.random()
            let key = file.primaryKey.secret.withUnsafeBytes { Array($0) }
            #expect(key.count == 32)
            #expect(key.contains { $0 != 0 })
            #expect(seen.insert(key).inserted)
            let sealing = try #require(file.sealingKeys.first)
            #expect(sealing.privateKey.rawRepresentation.contains { $0 != 0 })
        }
    }
}
