import CapstanSecrets
import Testing

@Suite struct UnknownKeyTests {
    @Test func recordEncryptedWithAKeyMissingFromTheRingNamesTheKeyAndRecord() throws {
        let writer = KeyRing(try KeyRingFile.random(keyName: "old-key"))
        let reader = KeyRing(try KeyRingFile.random(keyName: "new-key"))
        let secret = Canary.value()
        let text = try writer.seal(Array(secret.utf8), identity: "cluster_object/Secret/prod/db")
        let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
            _ = try reader.open(text, identity: "cluster_object/Secret/prod/db")
        }
        #expect(error == .unknownKey(name: "old-key", identity: "cluster_object/Secret/prod/db"))
        #expect(error?.description.contains("'old-key'") == true)
        #expect(error?.description.contains("cluster_object/Secret/prod/db") == true)
        #expect(error?.isRetryable == false)
    }

    @Test func aKeyWithTheSameNameButAnotherSecretIsCorruptNotGarbage() throws {
        let writer = KeyRing(try KeyRingFile.random(keyName: "k1"))
        let reader = KeyRing(try KeyRingFile.random(keyName: "k1"))
        let secret = Canary.value()
        let text = try writer.seal(Array(secret.utf8), identity: "t/k")
        let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
            _ = try reader.open(text, identity: "t/k")
        }
        guard case .corrupt(let identity, let reason)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(identity == "t/k")
        #expect(reason.contains("authentication with key 'k1' failed"))
    }

    @Test func keyNameIsReadWithoutTheKey() throws {
        let text = try KeyRing(try KeyRingFile.random(keyName: "2026-01.a_b")).seal([1, 2, 3], identity: "t/k")
        #expect(Envelope.keyName(of: text) == "2026-01.a_b")
    }
}
