import CapstanManifests
import CapstanModel
import Testing

/// No error text ever contains a Secret's value, whatever is wrong with the file.
struct SecretRedactionTests {
    static let canary = "CANARY-s3cr3t-do-not-print"

    static let secrets: [String] = [
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: \(canary)\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: [\(canary)]\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: \(canary): x\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: '\(canary)\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: !!int \(canary)\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: \(canary)\n  a: \(canary)\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: S}\ndata:\n  password: \(canary)\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: \(canary)\n",
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password:\n    nested: \(canary)\n",
    ]

    @Test(arguments: secrets)
    func canaryNeverAppears(text: String) throws {
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([Fixture.text("s.yaml", text)]) }
        let description = try #require(error?.description)
        #expect(!description.contains(Self.canary), "\(description)")
        #expect(!description.contains("CANARY"))
    }

    @Test func badBase64FixtureNamesTheKeyOnly() throws {
        let error = #expect(throws: ManifestError.self) {
            try ManifestDecoder().decode([Fixture.file("secret-bad-base64.yaml", as: "secret.yaml")])
        }
        #expect(
            error?.problems.first?.description == "secret.yaml:7: Secret default/db: data.password is not valid base64")
        #expect(error.map { !$0.description.contains("CANARY") } == true)
        #expect(error.map { !$0.description.contains("12345") } == true)
    }

    static let base64: [(String, Bool)] = [
        ("", true), ("YWRtaW4=", true), ("YWRtaW4", false), ("YWRt\naW4=", true), ("YWRt\r\naW4=", true),
        ("YW=taW4=", false), ("YWRtaW4===", false), ("YWR taW4=", false), ("YQ==", true), ("YQ=", false),
        ("+/+/", true), ("-_-_", false),
    ]

    @Test(arguments: base64)
    func base64Rules(text: String, valid: Bool) throws {
        let yaml =
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  k: \"\(text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n"))\"\n"
        let decode = { try ManifestDecoder().decode([Fixture.text("s.yaml", yaml)]) }
        if valid {
            #expect(throws: Never.self) { try decode() }
        } else {
            #expect(throws: ManifestError.self) { try decode() }
        }
    }
}
