import CapstanYAML
import Testing

/// Syntax errors carry the file, the 1-based line and libyaml's message, never the text itself.
struct ParseErrorTests {
    static let table: [(yaml: String, expected: String)] = [
        ("a: b: c\n", "bad.yaml:1: mapping values are not allowed in this context"),
        ("a: 1\nb:\n  - x\n - y\n", "bad.yaml:4: did not find expected key (while parsing a block mapping at line 1)"),
        ("a: [1, 2\nb: 3\n", "bad.yaml:2: did not find expected ',' or ']' (while parsing a flow sequence at line 1)"),
        ("a: 'unterminated\n", "bad.yaml:2: found unexpected end of stream (while scanning a quoted scalar at line 1)"),
        (
            "a:\n\tb: 1\n",
            "bad.yaml:2: found character that cannot start any token (while scanning for the next token at line 2)"
        ),
        ("a: *nowhere\n", "bad.yaml:1: alias *nowhere refers to no anchor"),
        ("key: value\n  indented: wrong\n", "bad.yaml:2: mapping values are not allowed in this context"),
    ]

    @Test(arguments: table)
    func syntaxError(yaml: String, expected: String) throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(yaml, file: "bad.yaml") }
        #expect(error?.description == expected)
        #expect(error?.isRetryable == false)
    }

    @Test func withoutAFileName() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents("a: b: c\n") }
        #expect(error?.description == "line 1: mapping values are not allowed in this context")
    }

    @Test func invalidUTF8() throws {
        let bytes = Array("a: 1\nb: ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(bytes, file: "bin.yaml") }
        #expect(error?.description == "bin.yaml:2: the text is not valid UTF-8 (invalid trailing UTF-8 octet)")
    }

    @Test func secretTextIsNotEchoed() throws {
        let canary = "CANARY-s3cr3t-value"
        let inputs = [
            "data:\n  password: \(canary): x\n",
            "data:\n  password: !!int \(canary)\n",
            "data:\n  password: '\(canary)\n",
            "data:\n  password: \(canary)\n  password: \(canary)\n",
        ]
        for input in inputs {
            let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(input, file: "s.yaml") }
            #expect(
                error.map { !$0.description.contains(canary) } == true, "\(error.map(String.init(describing:)) ?? "")")
        }
    }
}
