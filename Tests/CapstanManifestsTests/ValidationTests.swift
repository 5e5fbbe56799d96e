import CapstanManifests
import CapstanModel
import Testing

/// Each invalid fixture fails with exactly these problems, one per line, at the offending field's line.
struct ValidationTests {
    static let table: [(fixture: String, expected: String)] = [
        ("broken-indent.yaml", "broken-indent.yaml:5: mapping values are not allowed in this context"),
        (
            "secret-bad-base64.yaml",
            """
            secret-bad-base64.yaml:7: Secret default/db: data.password is not valid base64
            secret-bad-base64.yaml:10: Secret default/db: stringData.token must be a string, found a number
            """
        ),
        (
            "service-invalid-name.yaml",
            """
            service-invalid-name.yaml:4: Service: metadata.name "1-web" is not a valid DNS-1035 label \
            (at most 63 lowercase letters, digits and '-', starting with a letter and ending with a letter or digit)
            """
        ),
        (
            "deployment-invalid-name.yaml",
            """
            deployment-invalid-name.yaml:4: Deployment: metadata.name "Web_1" is not a valid DNS-1123 subdomain \
            (at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)
            deployment-invalid-name.yaml:5: Deployment: metadata.namespace "Shop" is not a valid DNS-1123 label \
            (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit)
            """
        ),
        (
            "labels-invalid.yaml",
            """
            labels-invalid.yaml:7: ConfigMap default/labelled: metadata.labels.version must be a string, found a number (quote it)
            labels-invalid.yaml:8: ConfigMap default/labelled: metadata.labels key "bad key" is not a valid qualified name \
            (an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)
            labels-invalid.yaml:9: ConfigMap default/labelled: metadata.labels.app value "-leading-dash" is not a valid label value \
            (at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit)
            labels-invalid.yaml:11: ConfigMap default/labelled: data.count must be a string, found a number (quote it)
            """
        ),
        (
            "cluster-role-with-namespace.yaml",
            """
            cluster-role-with-namespace.yaml:5: ClusterRole reader: a cluster-scoped resource cannot have metadata.namespace
            """
        ),
        (
            "missing-identity.yaml",
            """
            missing-identity.yaml:1: kind is missing
            missing-identity.yaml:2: metadata.name is missing
            missing-identity.yaml:6: apiVersion must be a string, found a number
            missing-identity.yaml:10: a manifest must be a mapping, found a list
            """
        ),
        (
            "configmap-invalid-name.json",
            """
            configmap-invalid-name.json:5: ConfigMap: metadata.name "From_JSON" is not a valid DNS-1123 subdomain \
            (at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)
            """
        ),
        ("invalid-utf8.yaml", "invalid-utf8.yaml:6: the text is not valid UTF-8 (incomplete UTF-8 octet sequence)"),
        ("crd-cluster-scoped.yaml", ""),
    ]

    @Test(arguments: table)
    func invalidFixture(fixture: String, expected: String) throws {
        let file = try Fixture.file(fixture)
        if expected.isEmpty {
            #expect(throws: Never.self) { try ManifestDecoder().decode([file]) }
            return
        }
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        #expect(error?.description == expected)
        #expect(error?.isRetryable == false)
    }

    @Test func invalidUTF8InJSON() throws {
        let file = SourceFile(path: "bad.json", contents: Array("{\n\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8))
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        #expect(error?.description == "bad.json:2: the text is not valid UTF-8")
    }

    @Test func invalidJSONSyntax() throws {
        let file = Fixture.text("bad.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\" \"Service\"\n}")
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        #expect(error?.description == "bad.json:3: invalid JSON: expected ':' after key \"kind\"")
    }

    @Test func tabIndentedJSONPointsAtTheField() throws {
        let text =
            "\u{FEFF}{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"Service\",\n\t\"metadata\": {\n\t\t\"name\": \"Web\"\n\t}\n}\n"
        let error = #expect(throws: ManifestError.self) {
            try ManifestDecoder().decode([Fixture.text("svc.json", text)])
        }
        #expect(error?.problems.map(\.location.description) == ["svc.json:5"])
    }

    @Test func listItemsMustBeAList() throws {
        let file = Fixture.text("list.yaml", "apiVersion: v1\nkind: List\nitems:\n  a: b\n")
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        #expect(error?.description == "list.yaml:3: List: items must be a list")
    }

    @Test func invalidListItemPointsIntoTheList() throws {
        let file = Fixture.text(
            "list.yaml",
            """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: good}
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: Bad
            """)
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode([file]) }
        #expect(error?.problems.map(\.location.line) == [10])
    }
}
