import CapstanModel
import CapstanSecrets
import Foundation
import Testing

/// Every bit of a sealed value is checked, and each region fails with its own clear problem.
@Suite struct SealedTamperTests {
    let key = SealingKey.generate()
    let fixture = SecretFixture()
    let sealed: Resource

    init() throws {
        sealed = try Sealer.seal(secret: fixture.resource, publicKey: key.publicKey)
    }

    enum Region: String, CaseIterable {
        case version
        case keyID
        case bindingTag
        case ephemeralKey
        case nonce
        case ciphertext
        case tag
    }

    func bytes(of dataKey: String) throws -> [UInt8] {
        let text = try #require(sealed.spec?[path: ["encryptedData", dataKey]]?.stringValue)
        return [UInt8](try #require(Data(base64Encoded: text)))
    }

    func unseal(replacing dataKey: String, with text: String) -> SealedSecretError? {
        var altered = sealed
        altered.spec?[path: ["encryptedData", dataKey]] = .string(text)
        return Canary.expectError(SealedSecretError.self, leaking: fixture.secrets) {
            _ = try Unsealer.unseal(sealed: altered, keys: [key], file: "apps/db/sealed.yaml")
        }
    }

    @Test(arguments: Region.allCases)
    func aFlippedBitInEveryRegionIsRejected(region: Region) throws {
        let original = try bytes(of: "token")
        let range: Range<Int>
        switch region {
        case .version: range = 0..<1
        case .keyID: range = 1..<9
        case .bindingTag: range = 9..<17
        case .ephemeralKey: range = 17..<49
        case .nonce: range = 49..<61
        case .ciphertext: range = 61..<(original.count - 16)
        case .tag: range = (original.count - 16)..<original.count
        }
        #expect(!range.isEmpty)
        for index in range {
            for bit in 0..<8 {
                var altered = original
                altered[index] ^= 1 << bit
                let error = unseal(replacing: "token", with: Data(altered).base64EncodedString())
                #expect(error?.dataKey == "token")
                switch (region, error?.problem) {
                case (.version, .unsupportedVersion?), (.keyID, .unknownSealingKey?), (.bindingTag, .moved?),
                    (.ephemeralKey, .tampered?), (.nonce, .tampered?), (.ciphertext, .tampered?), (.tag, .tampered?):
                    break
                default:
                    Issue.record("\(region) byte \(index) bit \(bit): unexpected \(String(describing: error))")
                }
            }
        }
    }

    @Test func truncatedValuesAreRejected() throws {
        let original = try bytes(of: "token")
        for length in 0..<original.count {
            let error = unseal(replacing: "token", with: Data(original[..<length]).base64EncodedString())
            guard case .tampered? = error?.problem else {
                Issue.record("length \(length): unexpected \(String(describing: error))")
                continue
            }
        }
    }

    @Test(arguments: ["not base64!", "QUJD", "QUJDRA", "QUJDRA==\n", "QUJDRR=="])
    func badBase64IsRejectedNamingTheKey(text: String) {
        let error = unseal(replacing: "password", with: text)
        if text == "QUJD" {
            // Valid base64 of 3 bytes: too short to be a sealed value.
            guard case .tampered? = error?.problem else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
        } else {
            #expect(error?.problem == .badBase64)
        }
        #expect(error?.description.contains("apps/db/sealed.yaml: SealedSecret prod/db: data key 'password'") == true)
    }

    @Test func theUnalteredDocumentStillOpens() throws {
        #expect(throws: Never.self) { try Unsealer.unseal(sealed: sealed, keys: [key], file: "f.yaml") }
    }
}
