import CapstanManifests
import CapstanModel
import Testing

/// All problems are collected (not just the first), sorted by file and line, and bounded.
struct ProblemCollectionTests {
    @Test func problemsFromManyFilesAreSorted() throws {
        let files = [
            Fixture.text("z.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Z\n"),
            Fixture.text("a.yaml", "a: b: c\n"),
            Fixture.text("m.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n---\nkind: X\n"),
        ]
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode(files) }
        #expect(error?.problems.map(\.location.description) == ["a.yaml:1", "m.yaml:6", "m.yaml:6", "z.yaml:4"])
        #expect(error?.totalCount == 4)
    }

    @Test func boundedWithACount() throws {
        let files = (0..<30).map { index in
            Fixture.text(
                String(format: "f%02d.yaml", index), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad\n")
        }
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode(files) }
        #expect(error?.problems.count == 20)
        #expect(error?.totalCount == 30)
        #expect(error?.problems.first?.location.file == "f00.yaml")
        let lines = error?.description.split(separator: "\n") ?? []
        #expect(lines.count == 21)
        #expect(lines.last == "... and 10 more problems")
    }

    @Test func oneBadFileFailsEverything() throws {
        let files = [
            Fixture.text("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\n"),
            Fixture.text("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x]\n"),
        ]
        let error = #expect(throws: ManifestError.self) { try ManifestDecoder().decode(files) }
        #expect(error?.description == "bad.yaml:4: ConfigMap: metadata.name is missing, found a list")
    }

    @Test func manyBadDocumentsInOneFileAreAllCounted() throws {
        let document = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad\n"
        let text = Array(repeating: document, count: 3000).joined(separator: "---\n")
        let error = #expect(throws: ManifestError.self) {
            try ManifestDecoder().decode([Fixture.text("big.yaml", text)])
        }
        #expect(error?.totalCount == 3000)
        #expect(error?.problems.map(\.location.line).prefix(3) == [4, 9, 14])
    }
}
