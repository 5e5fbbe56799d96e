import CapstanModel
import CapstanYAML
import Testing

/// Non-string keys become the object keys sigs.k8s.io/yaml produces.
struct MappingKeyTests {
    static let table: [(String, String)] = [
        ("1", "1"), ("0x10", "16"), ("-5", "-5"), ("yes", "true"), ("on", "true"), ("n", "false"),
        ("1.5", "1.5"), ("1e3", "1000"), ("1e6", "1e+06"), ("123456", "123456"), ("0.0001", "0.0001"),
        ("0.00001", "1e-05"), ("3.14159265358979", "3.1415927"), (".inf", ".inf"), ("-.inf", "-.inf"),
        (".nan", ".nan"), ("'01'", "01"), ("\"true\"", "true"), ("name", "name"), ("2001-12-14", "2001-12-14"),
        ("-1.5e-7", "-1.5e-07"), ("1234567.0", "1.234567e+06"),
    ]

    @Test(arguments: table)
    func keyText(key: String, expected: String) throws {
        let value = try YAMLParser.documents("\(key): x\n").first?.value
        #expect(value == .object([expected: "x"]))
    }

    @Test func nullKeyIsAnError() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents("a: 1\n~: x\n", file: "k.yaml") }
        #expect(error?.description == "k.yaml:2: a null mapping key is not supported")
    }

    @Test func collectionKeyIsAnError() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents("? [a, b]\n: x\n", file: "k.yaml") }
        #expect(error?.description == "k.yaml:1: a mapping key must be a scalar, not a list or mapping")
    }

    @Test func aliasToScalarWorksAsKey() throws {
        let value = try YAMLParser.documents("a: &k name\n*k : x\n").first?.value
        #expect(value == ["a": "name", "name": "x"])
    }
}
