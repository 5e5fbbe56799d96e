import CapstanModel
import CapstanYAML
import Testing

/// Hostile documents fail fast with a clear error instead of exhausting memory, time or the stack.
struct AliasBombTests {
    /// The classic "billion laughs": nine levels of ten aliases each.
    static func laughs() -> String {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let levels = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for level in levels {
            text +=
                "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = level
        }
        return text + "boom: *i\n"
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsFails() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(Self.laughs(), file: "bomb.yaml") }
        #expect(error?.description == "bomb.yaml:5: aliases expand to more than 100000 nodes in one document")
    }

    /// Yams' own composer hashes a key's whole subtree, so an aliased collection as a key never returns there.
    @Test(.timeLimit(.minutes(1)))
    func aliasedCollectionAsKeyFails() throws {
        let text = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\n? *b\n: boom\n"
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(text, file: "bomb.yaml") }
        #expect(error?.description == "bomb.yaml:3: a mapping key must be a scalar, not a list or mapping")
    }

    @Test func modestAliasesWork() throws {
        let text = "base: &base {cpu: 100m, memory: 64Mi}\nlimits: *base\nrequests: *base\n"
        let value = try YAMLParser.documents(text).first?.value
        #expect(value?["limits"] == ["cpu": "100m", "memory": "64Mi"])
        #expect(value?["requests"] == value?["base"])
    }

    @Test func limitIsConfigurable() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        #expect(throws: YAMLError.self) {
            try YAMLParser.documents(text, limits: YAMLLimits(maximumAliasedNodes: 7))
        }
        #expect(try YAMLParser.documents(text, limits: YAMLLimits(maximumAliasedNodes: 8)).count == 1)
    }

    @Test(arguments: ["[", "{a: "])
    func deepFlowNestingFails(opening: String) throws {
        let text = String(repeating: opening, count: 100_000)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(text, file: "deep.yaml") }
        #expect(error?.message == "collections are nested deeper than 512 levels")
    }

    @Test func deepBlockNestingFails() throws {
        var text = ""
        for depth in 0..<600 { text += String(repeating: " ", count: depth) + "k:\n" }
        let error = #expect(throws: YAMLError.self) { try YAMLParser.documents(text) }
        #expect(error?.message == "collections are nested deeper than 512 levels")
        #expect(error?.line == 513)
    }

    @Test func nestingWithinTheLimitWorksOnASmallStack() async throws {
        let text = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let depth = try await Task.detached {
            var value = try YAMLParser.documents(text).first?.value
            var depth = 0
            while let items = value?.arrayValue {
                depth += 1
                value = items.first
            }
            return depth
        }.value
        #expect(depth == 500)
    }
}
