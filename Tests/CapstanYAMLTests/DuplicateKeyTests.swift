import CapstanModel
import CapstanYAML
import Testing

/// A key written twice in one mapping is an error at the second occurrence.
struct DuplicateKeyTests {
    static let table: [(yaml: String, line: Int, key: String)] = [
        ("a: 1\nb: 2\na: 3\n", 3, "a"),
        ("metadata:\n  name: x\n  labels: {}\n  name: y\n", 4, "name"),
        ("{a: 1, a: 2}", 1, "a"),
        ("1: x\n'1': y\n", 2, "1"),
        ("yes: x\ntrue: y\n", 2, "true"),
        ("- a: 1\n- b: 1\n  b: 2\n", 3, "b"),
    ]

    @Test(arguments: table)
    func duplicateKey(yaml: String, line: Int, key: String) throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(yaml, file: "dup.yaml") }
        #expect(error?.description == "dup.yaml:\(line): duplicate mapping key \"\(key)\"")
    }

    @Test func sameKeyInSiblingMappingsIsFine() throws {
        let value = try YAMLParser.documents("a: {name: 1}\nb: {name: 2}\n").first?.value
        #expect(value == ["a": ["name": 1], "b": ["name": 2]])
    }

    @Test func positionedParserAlsoRejectsDuplicates() throws {
        #expect(throws: YAMLError.self) { try YAMLParser.nodes("a: 1\na: 2\n") }
    }
}
