import CapstanModel
import CapstanSecrets
import Foundation
import Testing

/// The sealed document and every error about a Secret are free of its values.
@Suite struct SealedLeakTests {
    let key = SealingKey.generate()

    @Test(arguments: SealingScope.allCases)
    func theSealedDocumentContainsNoValueInAnyForm(scope: SealingScope) throws {
        let fixture = SecretFixture()
        let sealed = try Sealer.seal(secret: fixture.resource, publicKey: key.publicKey, scope: scope)
        let documents = [sealed.value.jsonString(), sealed.value.prettyJSONString(), "\(sealed)"]
        for document in documents {
            for secret in fixture.secrets {
                #expect(!document.contains(secret))
                #expect(!document.contains(Data(secret.utf8).base64EncodedString()))
                // Base64 of the value at every alignment inside a longer text.
                for offset in 1...2 {
                    let shifted = Data(([UInt8](repeating: 0, count: offset)) + Array(secret.utf8))
                        .base64EncodedString().dropFirst(4).dropLast(4)
                    #expect(!document.contains(shifted))
                }
            }
        }
    }

    @Test(arguments: [
        ("data", Value.string("%%%"), "data key 'password': the value is not canonical standard base64"),
        ("data", Value.int(5), "data values must be strings, found number"),
        ("kind", Value.string("ConfigMap"), "expected apiVersion v1, kind Secret"),
    ])
    func errorsAboutABadSecretNeverQuoteItsValues(field: String, bad: Value, message: String) throws {
        let fixture = SecretFixture()
        var input = fixture.resource
        let badValue = Canary.value("bad")
        if field == "data" {
            input.value[path: ["data", "password"]] = bad == .string("%%%") ? .string(badValue + "%%%") : bad
        } else {
            input.value[field] = bad
        }
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets + [badValue]) {
            _ = try Sealer.seal(secret: input, publicKey: key.publicKey, file: "secret.yaml")
        }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("secret.yaml: Secret prod/db") == true)
    }

    @Test func errorsAboutABadSealedSecretNeverQuoteItsValues() throws {
        let fixture = SecretFixture()
        var sealed = try Sealer.seal(secret: fixture.resource, publicKey: key.publicKey)
        sealed.spec?[path: ["encryptedData", "token"]] = .int(3)
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets) {
            _ = try Unsealer.unseal(sealed: sealed, keys: [key], file: "f.yaml")
        }
        #expect(error?.description == "f.yaml: SealedSecret prod/db: data key 'token': sealed values must be strings")
    }
}
