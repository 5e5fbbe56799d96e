import CapstanSecrets
import Testing

@Suite struct IdentityBindingTests {
    @Test(arguments: [
        ("cluster_object/Secret/prod/db", "cluster_object/Secret/prod/db2"),
        ("cluster_object/Secret/prod/db", "cluster_object/Secret/staging/db"),
        ("cluster_object/Secret/prod/db", "cluster_object/ConfigMap/prod/db"),
        ("cluster_object/Secret/prod/db", "cluster_object/Secret/prod/db "),
        ("desired/app-1/Secret/prod/db", "history/app-1/Secret/prod/db"),
        ("table/key", ""),
    ])
    func ciphertextCopiedToAnotherRecordFailsAsCorrupt(from source: String, to target: String) throws {
        let ring = KeyRing(try KeyRingFile.random())
        let secret = Canary.value()
        let text = try ring.seal(Array(secret.utf8), identity: source)
        let error = Canary.expectError(SecretsError.self, leaking: [secret]) {
            _ = try ring.open(text, identity: target)
        }
        guard case .corrupt(let identity, _)? = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(identity == target)
        #expect(error?.description.contains("record \(target) is corrupt") == true)
        #expect(error?.description.contains("k1") == true)
    }
}
