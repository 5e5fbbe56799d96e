import CapstanModel
import CapstanYAML
import Testing

/// A stream of documents becomes one `YAMLDocument` each, with the line of its root node.
struct MultiDocumentTests {
    @Test func documentsAndTheirLines() throws {
        let text = """
            # leading comment
            apiVersion: v1
            kind: ConfigMap
            ---
            ---
            # only a comment
            ---

            apiVersion: v1
            kind: Secret
            --- [1, 2]
            ...
            --- plain
            """
        let documents = try YAMLParser.documents(text, file: "multi.yaml")
        #expect(
            documents.map(\.value) == [
                ["apiVersion": "v1", "kind": "ConfigMap"], .null, .null,
                ["apiVersion": "v1", "kind": "Secret"], [1, 2], "plain",
            ])
        #expect(documents.map(\.line) == [2, 5, 7, 9, 11, 13])
        #expect(documents.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(documents.allSatisfy { $0.file == "multi.yaml" })
    }

    @Test(arguments: ["", "\n\n", "# just a comment\n# and another\n"])
    func emptyStreamHasNoDocuments(text: String) throws {
        #expect(try YAMLParser.documents(text).isEmpty)
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents("a: &x 1\n---\nb: *x\n") }
        #expect(error?.line == 3)
        #expect(error?.message == "alias *x refers to no anchor")
    }

    @Test func jsonIsYAML() throws {
        let documents = try YAMLParser.documents(#"{"a": [1, 2.5, "x", true, null], "b": {"c": "d"}}"#)
        #expect(documents.first?.value == ["a": [1, 2.5, "x", true, nil], "b": ["c": "d"]])
    }

    @Test func stringAndBytesAgree() throws {
        let text = "a: 1\n---\nb: [x, y]\n"
        #expect(try YAMLParser.documents(text).map(\.value) == YAMLParser.documents(Array(text.utf8)).map(\.value))
    }

    @Test func byteOrderMarkAndWindowsLineEndings() throws {
        let documents = try YAMLParser.documents("\u{FEFF}a: 1\r\nb: two\r\n---\r\nc: 3\r\n")
        #expect(documents.map(\.value) == [["a": 1, "b": "two"], ["c": 3]])
        #expect(documents.map(\.line) == [1, 4])
    }
}
