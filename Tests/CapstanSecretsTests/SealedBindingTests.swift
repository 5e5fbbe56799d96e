import CapstanModel
import CapstanSecrets
import Testing

/// A SealedSecret opens only where it was sealed for.
@Suite struct SealedBindingTests {
    let key = SealingKey.generate()
    let fixture = SecretFixture()

    func sealed(_ scope: SealingScope) throws -> Resource {
        try Sealer.seal(secret: fixture.resource, publicKey: key.publicKey, scope: scope)
    }

    func expectMoved(_ moved: Resource, scope: SealingScope, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets, sourceLocation: sourceLocation)
        {
            _ = try Unsealer.unseal(sealed: moved, keys: [key], file: "apps/db/sealed.yaml")
        }
        #expect(error?.problem == .moved(scope: scope), sourceLocation: sourceLocation)
        #expect(error?.file == "apps/db/sealed.yaml", sourceLocation: sourceLocation)
        #expect(error?.resource == "SealedSecret \(moved.namespace)/\(moved.name)", sourceLocation: sourceLocation)
        #expect(
            error?.description.contains("apps/db/sealed.yaml: SealedSecret \(moved.namespace)/\(moved.name)") == true,
            sourceLocation: sourceLocation)
    }

    @Test func strictScopeRejectsAnotherName() throws {
        var moved = try sealed(.strict)
        moved.name = "db-copy"
        expectMoved(moved, scope: .strict)
    }

    @Test(arguments: SealingScope.allCases)
    func everyScopeRejectsAnotherNamespace(scope: SealingScope) throws {
        var moved = try sealed(scope)
        moved.namespace = "staging"
        expectMoved(moved, scope: scope)
    }

    @Test func namespaceScopeAllowsAnotherNameInTheSameNamespace() throws {
        var renamed = try sealed(.namespace)
        renamed.name = "db-copy"
        let secret = try Unsealer.unseal(sealed: renamed, keys: [key], file: "f.yaml")
        #expect(secret.name == "db-copy" && secret.namespace == "prod")
    }

    @Test(arguments: [(SealingScope.strict, SealingScope.namespace), (.namespace, .strict)])
    func changingTheScopeIsRejected(from: SealingScope, to: SealingScope) throws {
        var changed = try sealed(from)
        changed.spec?["scope"] = .string(to.rawValue)
        expectMoved(changed, scope: to)
    }

    @Test func valuesSwappedBetweenDataKeysAreRejected() throws {
        var swapped = try sealed(.strict)
        let data = try #require(swapped.spec?["encryptedData"])
        swapped.spec?["encryptedData"] = ["password": data["token"]!, "token": data["password"]!]
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets) {
            _ = try Unsealer.unseal(sealed: swapped, keys: [key], file: "f.yaml")
        }
        guard case .tampered? = error?.problem else {
            Issue.record("expected .tampered, got \(String(describing: error))")
            return
        }
        #expect(error?.dataKey == "password")
    }

    @Test func aSecretWithoutNamespaceCannotBeSealed() {
        var input = fixture.resource
        input.namespace = ""
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets) {
            _ = try Sealer.seal(secret: input, publicKey: key.publicKey)
        }
        #expect(error?.description.contains("metadata.namespace is required") == true)
    }
}
