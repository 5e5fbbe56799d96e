import CapstanModel
import CapstanSecrets
import Testing

@Suite struct SealingKeyRenewalTests {
    @Test func valuesSealedToAnOldKeyStillOpenAfterRenewal() throws {
        let folder = try TestFolder()
        let path = folder.file("keys.yaml")
        var file = try KeyRingFile.generate(at: path)
        let oldKey = try #require(file.sealingKeys.first)
        let fixture = SecretFixture()
        let oldSealed = try Sealer.seal(secret: fixture.resource, publicKey: oldKey.publicKey)

        let newKey = file.addSealingKey()
        try file.save(to: path)
        let reloaded = try KeyRingFile.load(from: path)
        #expect(reloaded.sealingKeys.map(\.keyID) == [newKey.keyID, oldKey.keyID])
        #expect(reloaded.sealingKeys.first?.publicKey == newKey.publicKey)

        let newSealed = try Sealer.seal(secret: fixture.resource, publicKey: newKey.publicKey)
        let fromOld = try Unsealer.unseal(sealed: oldSealed, keys: reloaded.sealingKeys, file: "old.yaml")
        let fromNew = try Unsealer.unseal(sealed: newSealed, keys: reloaded.sealingKeys, file: "new.yaml")
        #expect(fromOld == fromNew)
        #expect(fromOld.value[path: ["data", "token"]] != nil)
    }

    @Test func aValueSealedForAnotherServiceNamesBothKeyIDs() throws {
        let theirs = SealingKey.generate()
        let ours = [SealingKey.generate(), SealingKey.generate()]
        let fixture = SecretFixture()
        let sealed = try Sealer.seal(secret: fixture.resource, publicKey: theirs.publicKey)
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets) {
            _ = try Unsealer.unseal(sealed: sealed, keys: ours, file: "apps/db/sealed.yaml")
        }
        #expect(error?.problem == .unknownSealingKey(keyID: theirs.keyID, known: ours.map(\.keyID)))
        let text = error?.description ?? ""
        #expect(text.contains("apps/db/sealed.yaml: SealedSecret prod/db: data key 'password'"))
        #expect(text.contains("sealed for sealing key \(theirs.keyID)"))
        #expect(text.contains("\(ours[0].keyID), \(ours[1].keyID)"))
        #expect(text.contains("capstan seal --cert"))
    }

    @Test func withoutSealingKeysNothingOpens() throws {
        let fixture = SecretFixture()
        let sealed = try Sealer.seal(secret: fixture.resource, publicKey: SealingKey.generate().publicKey)
        let error = Canary.expectError(SealedSecretError.self, leaking: fixture.secrets) {
            _ = try Unsealer.unseal(sealed: sealed, keys: [], file: "f.yaml")
        }
        #expect(error?.problem == .noSealingKeys)
    }
}
