import CapstanSecrets
import Foundation
import Testing

@Suite struct KeyRingRotationTests {
    @Test func anAddedKeyBecomesPrimaryAndOldRecordsStillOpen() throws {
        var file = try KeyRingFile.random(keyName: "k1")
        let secret = Canary.value()
        let old = try KeyRing(file).seal(Array(secret.utf8), identity: "t/a")
        try file.addKey(named: "k2")
        #expect(file.keys.map(\.name) == ["k2", "k1"])
        let ring = KeyRing(file)
        #expect(ring.primaryKeyName == "k2")
        #expect(try ring.open(old, identity: "t/a") == Array(secret.utf8))
        #expect(ring.needsRewrap(old))
        let rewrapped = try ring.seal(try ring.open(old, identity: "t/a"), identity: "t/a")
        #expect(Envelope.keyName(of: rewrapped) == "k2")
        #expect(!ring.needsRewrap(rewrapped))
        try file.removeKey(named: "k1")
        #expect(try KeyRing(file).open(rewrapped, identity: "t/a") == Array(secret.utf8))
    }

    @Test(arguments: [
        ("k1", "duplicate key name 'k1'"),
        ("", "a key name is 1 to 63"),
        ("has:colon", "a key name is 1 to 63"),
        ("-leading-dash", "a key name is 1 to 63"),
        (String(repeating: "a", count: 64), "a key name is 1 to 63"),
    ])
    func addingAnInvalidOrDuplicateNameIsRefused(name: String, message: String) throws {
        var file = try KeyRingFile.random(keyName: "k1")
        let before = file
        let error = Canary.expectError(SecretsError.self, leaking: []) { try file.addKey(named: name) }
        #expect(error?.description.contains(message) == true)
        #expect(file == before)
    }

    @Test func removingThePrimaryOrAnUnknownKeyIsRefused() throws {
        var file = try KeyRingFile.random(keyName: "k1")
        try file.addKey(named: "k2")
        let primary = Canary.expectError(SecretsError.self, leaking: []) { try file.removeKey(named: "k2") }
        #expect(primary?.description.contains("'k2' is the primary key") == true)
        let unknown = Canary.expectError(SecretsError.self, leaking: []) { try file.removeKey(named: "k9") }
        #expect(unknown?.description.contains("no key named 'k9' (keys: k2, k1)") == true)
        try file.removeKey(named: "k1")
        #expect(file.keys.map(\.name) == ["k2"])
        let last = Canary.expectError(SecretsError.self, leaking: []) { try file.removeKey(named: "k2") }
        #expect(last != nil)
    }

    @Test func aRingIsRefusedWithoutKeysOrWithTheSameSecretTwice() throws {
        #expect(throws: SecretsError.self) { try KeyRingFile(keys: []) }
        let key = EncryptionKey.generate(name: "a")
        let twin = EncryptionKey(name: "b", secret: key.secret, created: nil)
        let error = Canary.expectError(SecretsError.self, leaking: []) { _ = try KeyRingFile(keys: [key, twin]) }
        #expect(error?.description.contains("key 'b' has the same secret as key 'a'") == true)
    }

    @Test func printingKeysNeverShowsTheirSecrets() throws {
        let file = try KeyRingFile.random()
        let secretText = file.primaryKey.secret.withUnsafeBytes { Array($0) }.map { String($0, radix: 16) }.joined()
        let sealingBase64 = try #require(file.sealingKeys.first).privateKey.rawRepresentation.base64EncodedString()
        for text in [String(describing: file), String(reflecting: file), "\(file.keys)", "\(file.sealingKeys)"] {
            #expect(!text.contains(secretText))
            #expect(!text.contains(sealingBase64))
            #expect(!text.contains(file.primaryKey.secret.withUnsafeBytes { Data($0).base64EncodedString() }))
        }
    }
}
