import CapstanSecrets
import Foundation
import Testing

/// Malformed key files are refused with `file:line` and a reason that never quotes a secret.
@Suite struct KeyFileValidationTests {
    /// Placeholders replaced by fresh random material: `$K1`, `$K2` (32 bytes), `$SHORT` (16 bytes),
    /// `$ZERO` (32 zero bytes), `$SEAL` (an X25519 private key).
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var yaml: String
        var line: Int?
        var message: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "YAML syntax", yaml: "keys:\n  - name: k1\n    secret: \"$K1\n", line: 4,
            message: "found unexpected end of stream"),
        Case(label: "not a mapping", yaml: "- name: k1\n", line: 1, message: "expected a mapping with `keys:`"),
        Case(label: "empty file", yaml: "", line: nil, message: "expected a mapping with `keys:`"),
        Case(label: "two documents", yaml: "keys: []\n---\nkeys: []\n", line: 3, message: "expected one YAML document"),
        Case(label: "no keys field", yaml: "sealingKeys: []\n", line: 1, message: "missing `keys:`"),
        Case(label: "empty keys", yaml: "keys: []\n", line: 1, message: "the ring has no keys"),
        Case(label: "keys not a list", yaml: "keys: k1\n", line: 1, message: "keys must be a list, found string"),
        Case(
            label: "unknown top-level field", yaml: "keys:\n  - name: k1\n    secret: $K1\nkey: x\n", line: 4,
            message: "unknown field 'key' (expected keys, sealingKeys)"),
        Case(
            label: "duplicate YAML key", yaml: "keys:\n  - name: k1\n    secret: $K1\n    secret: $K2\n", line: 4,
            message: "duplicate"),
        Case(
            label: "wrong length", yaml: "keys:\n  - name: k1\n    secret: $SHORT\n", line: 3,
            message: "keys[0].secret is 16 bytes; it must be 32 bytes (256 bits)"),
        Case(
            label: "all-zero key", yaml: "keys:\n  - name: k1\n    secret: $K1\n  - name: k2\n    secret: $ZERO\n",
            line: 5, message: "keys[1]: key 'k2' is all zeros"),
        Case(
            label: "duplicate names",
            yaml: "keys:\n  - name: k1\n    secret: $K1\n  - name: k1\n    secret: $K2\n", line: 4,
            message: "keys[1]: duplicate key name 'k1'"),
        Case(
            label: "same secret twice",
            yaml: "keys:\n  - name: k1\n    secret: $K1\n  - name: k2\n    secret: $K1\n", line: 5,
            message: "key 'k2' has the same secret as key 'k1'"),
        Case(
            label: "not base64", yaml: "keys:\n  - name: k1\n    secret: \"$K1!\"\n", line: 3,
            message: "keys[0].secret is not canonical standard base64"),
        Case(
            label: "invalid name", yaml: "keys:\n  - name: \"a:b\"\n    secret: $K1\n", line: 2,
            message: "keys[0]: a key name is 1 to 63"),
        Case(
            label: "misspelt field", yaml: "keys:\n  - name: k1\n    secert: $K1\n", line: 3,
            message: "unknown field 'secert' in keys[0] (expected created, name, secret)"),
        Case(label: "missing secret", yaml: "keys:\n  - name: k1\n", line: 2, message: "keys[0] has no `secret`"),
        Case(
            label: "null secret", yaml: "keys:\n  - name: k1\n    secret:\n", line: 3,
            message: "keys[0].secret must be a string, found null"),
        Case(
            label: "bad time", yaml: "keys:\n  - name: k1\n    secret: $K1\n    created: yesterday\n", line: 4,
            message: "keys[0].created is not an RFC 3339 time"),
        Case(
            label: "sealing key id mismatch",
            yaml:
                "keys:\n  - name: k1\n    secret: $K1\nsealingKeys:\n  - id: \"0000000000000000\"\n    secret: $SEAL\n",
            line: 5, message: "sealingKeys[0].id does not match its secret"),
        Case(
            label: "sealing key wrong length",
            yaml: "keys:\n  - name: k1\n    secret: $K1\nsealingKeys:\n  - secret: $SHORT\n", line: 5,
            message: "sealingKeys[0].secret is 16 bytes; it must be 32 bytes"),
        Case(
            label: "all-zero sealing key",
            yaml: "keys:\n  - name: k1\n    secret: $K1\nsealingKeys:\n  - secret: $ZERO\n", line: 5,
            message: "sealingKeys[0]: the sealing key is all zeros"),
    ]

    @Test(arguments: cases)
    func malformedFilesAreRefusedWithTheLine(_ testCase: Case) throws {
        let material = [
            "$SHORT": Data((0..<16).map { _ in UInt8.random(in: 1...255) }).base64EncodedString(),
            "$ZERO": Data(count: 32).base64EncodedString(),
            "$K1": Data((0..<32).map { _ in UInt8.random(in: 1...255) }).base64EncodedString(),
            "$K2": Data((0..<32).map { _ in UInt8.random(in: 1...255) }).base64EncodedString(),
            "$SEAL": Data((0..<32).map { _ in UInt8.random(in: 1...255) }).base64EncodedString(),
        ]
        var yaml = testCase.yaml
        for (placeholder, value) in material { yaml = yaml.replacingOccurrences(of: placeholder, with: value) }
        let folder = try TestFolder()
        try folder.write(yaml, to: "keys.yaml")
        let path = folder.file("keys.yaml")
        let leaks = material.filter { $0.key != "$ZERO" }.map(\.value)
        let error = Canary.expectError(SecretsError.self, leaking: leaks) { _ = try KeyRingFile.load(from: path) }
        guard case .malformedKeyFile(let named, let line, let reason)? = error else {
            Issue.record("expected .malformedKeyFile, got \(String(describing: error))")
            return
        }
        #expect(named == path)
        #expect(line == testCase.line)
        #expect(reason.contains(testCase.message), "\(reason)")
        #expect(error?.description.hasPrefix(line.map { "\(path):\($0): " } ?? "\(path): ") == true)
    }

    @Test func aHandWrittenFileWithoutTimesOrIdsLoads() throws {
        let key = Data((0..<32).map { _ in UInt8.random(in: 1...255) }).base64EncodedString()
        let seal = Data((0..<32).map { _ in UInt8.random(in: 1...255) }).base64EncodedString()
        let folder = try TestFolder()
        try folder.write(
            "# mine\nkeys:\n- name: prod-2026\n  secret: \(key)\nsealingKeys:\n- secret: \(seal)\n", to: "k.yaml")
        let file = try KeyRingFile.load(from: folder.file("k.yaml"))
        #expect(file.primaryKey.name == "prod-2026")
        #expect(file.primaryKey.created == nil)
        #expect(file.primaryKey.secret.withUnsafeBytes { Data($0).base64EncodedString() } == key)
        #expect(file.sealingKeys.first?.privateKey.rawRepresentation.base64EncodedString() == seal)
    }

    @Test func theWrittenTextReadsBackToTheSameRing() throws {
        var file = try KeyRingFile.random(keyName: "a")
        try file.addKey(named: "b")
        file.addSealingKey()
        let again = try KeyRingFile(yaml: Array(file.yaml.utf8), path: "mem")
        #expect(again == file)
        #expect(again.yaml == file.yaml)
    }
}
