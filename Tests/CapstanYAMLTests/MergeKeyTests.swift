import CapstanModel
import CapstanYAML
import Testing

/// `<<` merges mappings; explicit keys win, and earlier mappings of a merge list win over later ones.
struct MergeKeyTests {
    @Test func mergeOneMapping() throws {
        let text = """
            defaults: &defaults {cpu: 100m, memory: 64Mi}
            small:
              <<: *defaults
              memory: 32Mi
            """
        let value = try YAMLParser.documents(text).first?.value
        #expect(value?["small"] == ["cpu": "100m", "memory": "32Mi"])
    }

    @Test func explicitKeyWinsEvenBeforeTheMerge() throws {
        let value = try YAMLParser.documents("a: &a {x: 1, p: 2}\nb: {p: 3, <<: *a}\n").first?.value
        #expect(value?["b"] == ["x": 1, "p": 3])
    }

    @Test func mergeAListEarlierWins() throws {
        let text = "a: &a {x: 1}\nb: &b {x: 2, p: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n"
        let value = try YAMLParser.documents(text).first?.value
        #expect(value?["c"] == ["x": 1, "p": 2, "z": 3])
    }

    @Test func inlineMerge() throws {
        let value = try YAMLParser.documents("a:\n  <<: {x: 1}\n  p: 2\n").first?.value
        #expect(value?["a"] == ["x": 1, "p": 2])
    }

    @Test func quotedMergeKeyIsAPlainKey() throws {
        let value = try YAMLParser.documents("a:\n  '<<': {x: 1}\n").first?.value
        #expect(value?["a"] == ["<<": ["x": 1]])
    }

    @Test(arguments: ["a:\n  <<: 5\n", "a:\n  <<: [{x: 1}, 2]\n"])
    func mergeOfNonMappingFails(text: String) throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(text, file: "m.yaml") }
        #expect(error?.description == "m.yaml:2: the merge key << needs a mapping or a list of mappings")
    }

    @Test func positionedMergeKeepsAnchorLines() throws {
        let node = try #require(try YAMLParser.nodes("a: &a\n  x: 1\nb:\n  <<: *a\n  p: 2\n").first)
        #expect(node.line(of: ["b", "x"]) == 2)
        #expect(node.line(of: ["b", "p"]) == 5)
        #expect(node["b"]?.value == ["x": 1, "p": 2])
    }
}
