import CapstanModel
import CapstanYAML
import Testing

/// Explicit tags override resolution by content, as in go-yaml v2.
struct ExplicitTagTests {
    static let table: [(String, Value)] = [
        ("!!str 123", "123"), ("!!str true", "true"), ("!!str ~", "~"), ("!!str", ""),
        ("!!int \"12\"", 12), ("!!int 0x10", 16), ("!!float 1", 1.0), ("!!float '2.5'", 2.5),
        ("!!bool yes", true), ("!!bool 'false'", false), ("!!null ''", .null), ("!!null ~", .null),
        ("!!timestamp 2001-12-14", "2001-12-14"), ("!!binary aGVsbG8=", "hello"),
        ("! 12", "12"), ("!custom 12", "12"), ("!<tag:yaml.org,2002:int> 7", 7),
    ]

    @Test(arguments: table)
    func taggedScalar(text: String, expected: Value) throws {
        let value = try YAMLParser.documents("v: \(text)\n").first?.value["v"]
        #expect(value == expected)
    }

    static let mismatches: [(String, String)] = [
        ("!!int abc", "!!int"), ("!!int 1.5", "!!int"), ("!!bool 1", "!!bool"), ("!!null x", "!!null"),
        ("!!float abc", "!!float"),
    ]

    @Test(arguments: mismatches)
    func mismatchIsAnErrorWithoutTheText(text: String, tag: String) throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents("a: 1\nv: \(text)\n", file: "t.yaml") }
        #expect(error?.description == "t.yaml:2: the scalar cannot be read as \(tag)")
    }

    @Test func resolverAcceptsShortTags() {
        #expect(YAMLScalarResolver.resolve("0x1F", tag: "!!int") == 31)
        #expect(YAMLScalarResolver.resolve("x", tag: "!!int") == nil)
        #expect(YAMLScalarResolver.resolve("1", tag: "tag:yaml.org,2002:str") == "1")
    }
}
