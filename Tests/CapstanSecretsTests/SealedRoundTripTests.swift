import CapstanModel
import CapstanSecrets
import Foundation
import Testing

@Suite struct SealedRoundTripTests {
    let key = SealingKey.generate()

    @Test(arguments: SealingScope.allCases)
    func aSealedSecretOpensToTheSameSecret(scope: SealingScope) throws {
        let fixture = SecretFixture()
        let sealed = try Sealer.seal(secret: fixture.resource, publicKey: key.publicKey, scope: scope)
        #expect(sealed.apiVersion == "capstan.io/v1")
        #expect(sealed.kind == "SealedSecret")
        #expect(sealed.namespace == "prod" && sealed.name == "db")
        #expect(sealed.spec?["scope"] == .string(scope.rawValue))
        #expect(sealed.spec?["encryptedData"]?.objectValue?.keys.sorted() == ["password", "token"])
        #expect(sealed.spec?["template"]?["type"] == "kubernetes.io/basic-auth")

        let secret = try Unsealer.unseal(sealed: sealed, keys: [key], file: "apps/db/sealed.yaml")
        #expect(secret.apiVersion == "v1" && secret.kind == "Secret")
        #expect(secret.namespace == "prod" && secret.name == "db")
        #expect(secret.value["type"] == "kubernetes.io/basic-auth")
        #expect(secret.labels == ["app": "db"])
        #expect(secret.annotations == ["team": "storage"])
        #expect(secret.value["stringData"] == nil)
        #expect(
            secret.value["data"]
                == [
                    "password": .string(Data(fixture.password.utf8).base64EncodedString()),
                    "token": .string(Data(fixture.token.utf8).base64EncodedString()),
                ])
    }

    @Test func emptyAndBinaryValuesRoundTrip() throws {
        let binary = Data((0..<256).map { UInt8($0) }).base64EncodedString()
        var input = Resource(apiVersion: "v1", kind: "Secret", namespace: "ns", name: "bin")
        input.value["data"] = ["empty": "", "binary": .string(binary)]
        let sealed = try Sealer.seal(secret: input, publicKey: key.publicKey)
        let secret = try Unsealer.unseal(sealed: sealed, keys: [key], file: "f.yaml")
        #expect(secret.value["data"] == ["empty": "", "binary": .string(binary)])
        #expect(secret.value["type"] == "Opaque")
    }

    @Test func stringDataWinsOverDataForTheSameKey() throws {
        let fixture = SecretFixture()
        var input = fixture.resource
        input.value[path: ["stringData", "password"]] = "from-stringData"
        let secret = try Unsealer.unseal(
            sealed: try Sealer.seal(secret: input, publicKey: key.publicKey), keys: [key], file: "f.yaml")
        #expect(
            secret.value[path: ["data", "password"]] == .string(Data("from-stringData".utf8).base64EncodedString()))
    }

    @Test func theLastAppliedAnnotationIsNotCarriedIntoTheTemplate() throws {
        let fixture = SecretFixture()
        var input = fixture.resource
        input.annotations["kubectl.kubernetes.io/last-applied-configuration"] = input.value.jsonString()
        let sealed = try Sealer.seal(secret: input, publicKey: key.publicKey)
        #expect(sealed.spec?[path: ["template", "metadata", "annotations"]] == ["team": "storage"])
        for secret in fixture.secrets { #expect(!sealed.value.jsonString().contains(secret)) }
    }

    @Test func thePublicKeyRoundTripsThroughPEM() throws {
        let pem = key.publicKey.pem
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(pem.hasSuffix("-----END PUBLIC KEY-----\n"))
        let parsed = try SealingPublicKey(pem: "# capstan seal --cert\n" + pem + "\n")
        #expect(parsed == key.publicKey)
        #expect(parsed.keyID == key.keyID)
        #expect(key.keyID.count == 16 && key.keyID.allSatisfy(\.isHexDigit))
        let sealed = try Sealer.seal(secret: SecretFixture().resource, publicKey: parsed)
        #expect(throws: Never.self) { try Unsealer.unseal(sealed: sealed, keys: [key], file: "f.yaml") }
    }

    @Test func aPublicKeyExportedByOpenSSLReadsAndPrintsTheSame() throws {
        // `openssl genpkey -algorithm X25519 | openssl pkey -pubout`
        let pem =
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAxiOnlPqsxowegO7PTqCHx7hZ3wPZlHRi3BoCZG6/LXk=\n-----END PUBLIC KEY-----\n"
        let key = try SealingPublicKey(pem: pem)
        #expect(key.rawRepresentation.count == 32)
        #expect(key.pem == pem)
    }

    @Test(arguments: [
        ("", "no -----BEGIN PUBLIC KEY-----"),
        ("-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n", "not canonical base64"),
        (
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n",
            "not an X25519 public key"
        ),
    ])
    func unreadablePublicKeysAreRefused(text: String, message: String) {
        let error = Canary.expectError(SecretsError.self, leaking: []) { _ = try SealingPublicKey(pem: text) }
        #expect(error?.description.contains(message) == true)
    }
}
